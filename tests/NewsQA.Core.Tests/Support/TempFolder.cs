namespace NewsQA.Core.Tests.Support;

/// <summary>A fresh folder under the system temp path, deleted when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newsqa-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public string CopySeeds()
    {
        var folder = System.IO.Path.Combine(Path, "corpus");
        Directory.CreateDirectory(folder);
        foreach (var seed in Directory.EnumerateFiles(SeedCorpus.Folder)) System.IO.File.Copy(seed, System.IO.Path.Combine(folder, System.IO.Path.GetFileName(seed)));
        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing a test over it would not be.
        }
    }
}
