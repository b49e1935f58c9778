namespace NewsQA.Core.Tests.Support;

/// <summary>The seed articles copied next to the test assembly.</summary>
public static class SeedCorpus
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string PathOf(string documentId) => Path.Combine(Folder, documentId + ".txt");
}
