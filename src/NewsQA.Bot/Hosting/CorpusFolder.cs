using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;

namespace NewsQA.Bot.Hosting;

/// <summary>
/// The corpus folder the service indexes, watches and writes ingested articles into: Corpus:Path, a relative path
/// taken from the working directory (the repository root when started as the README says), never a copy elsewhere.
/// </summary>
public sealed class CorpusFolder(IOptions<CorpusOptions> options)
{
    public string Path { get; } = System.IO.Path.GetFullPath(options.Value.Path);
}
