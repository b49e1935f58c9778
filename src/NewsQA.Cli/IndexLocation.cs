using System.Security.Cryptography;
using System.Text;
using NewsQA.Core.Configuration;

namespace NewsQA.Cli;

/// <summary>
/// Which corpus and index folder a command works on: the flags when given, else appsettings.json. A corpus given
/// without an index gets its own index in the user's cache folder, keyed by the corpus's full path.
/// </summary>
public sealed record IndexLocation(string CorpusFolder, string IndexPath, bool IndexGivenAlone)
{
    public static IndexLocation Resolve(string? corpus, string? index, CorpusOptions corpusOptions, IndexOptions indexOptions)
    {
        if (corpus is not null && !Directory.Exists(corpus)) throw new UsageException($"Corpus folder not found: {Path.GetFullPath(corpus)}");
        if (corpus is not null && index is null) return new IndexLocation(corpus, CachePathFor(corpus), false);
        return new IndexLocation(corpus ?? corpusOptions.Path, index ?? indexOptions.Path, corpus is null && index is not null);
    }

    private static string CachePathFor(string corpus)
    {
        var cacheHome = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cacheHome))
        {
            cacheHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(corpus))))[..16];
        return Path.Combine(cacheHome, "newsqa", key, "index");
    }
}
