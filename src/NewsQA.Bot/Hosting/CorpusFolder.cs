using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;

namespace NewsQA.Bot.Hosting;

/// <summary>
/// The corpus folder the service indexes and writes ingested articles into: Corpus:Path, relative to the working
/// directory, or, started from elsewhere, the seed copy beside the program.
/// </summary>
public sealed class CorpusFolder(IOptions<CorpusOptions> options)
{
    public string Path { get; } = Resolve(options.Value.Path);

    private static string Resolve(string path)
    {
        if (System.IO.Path.IsPathRooted(path) || Directory.Exists(path)) return path;
        var besideProgram = System.IO.Path.Combine(AppContext.BaseDirectory, path);
        return Directory.Exists(besideProgram) ? besideProgram : path;
    }
}
