namespace NewsQA.Core.Tests.Support;

/// <summary>The seed articles copied next to the test assembly.</summary>
public static class SeedCorpus
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string PathOf(string documentId) => Path.Combine(Folder, documentId + ".txt");

    /// <summary>The dated articles written for the answer sets (models/articles), copied next to the test assembly.</summary>
    public static string ArticlesFolder => Path.Combine(AppContext.BaseDirectory, "articles");

    /// <summary>The seed articles and models/articles together in <paramref name="folder"/> (created), as the answer sets are asked over them.</summary>
    public static string WithArticles(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Folder).Concat(Directory.EnumerateFiles(ArticlesFolder))) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        return folder;
    }
}
