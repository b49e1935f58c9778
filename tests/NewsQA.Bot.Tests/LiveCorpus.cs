namespace NewsQA.Bot.Tests;

/// <summary>A writable copy of the seed articles in a temporary folder, for tests that add and remove articles.</summary>
public sealed class LiveCorpus : IDisposable
{
    public LiveCorpus()
    {
        Directory.CreateDirectory(Path);
        foreach (var seed in Directory.EnumerateFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "seeds")))
        {
            File.Copy(seed, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(seed)));
        }
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newsqa-live-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
