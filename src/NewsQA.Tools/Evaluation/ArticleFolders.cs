using NewsQA.Core.Indexing;

namespace NewsQA.Tools.Evaluation;

/// <summary>
/// Several folders of articles indexed together (the seed articles and models/articles/, over which the seed questions
/// are written), in a temporary folder removed on dispose.
/// </summary>
public sealed class ArticleFolders : IDisposable
{
    private readonly string _temp;
    private readonly LiveIndex _live;
    private readonly IndexLease _lease;

    private ArticleFolders(string temp, LiveIndex live)
    {
        _temp = temp;
        _live = live;
        _lease = live.Acquire();
    }

    /// <summary>The index of every folder's articles (held by one lease for as long as this lives).</summary>
    public PassageIndex Index => _lease.Index;

    /// <summary>Copies the folders' articles into one corpus and indexes it; two articles of the same name are an error.</summary>
    public static async Task<ArticleFolders> IndexAsync(CorpusIndexer indexer, IReadOnlyList<string> folders, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetTempPath(), $"newsqa-articles-{Guid.NewGuid():N}");
        var corpus = Path.Combine(temp, "corpus");
        Directory.CreateDirectory(corpus);
        try
        {
            foreach (var folder in folders)
            {
                if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Articles not found: {Path.GetFullPath(folder)}");
                foreach (var file in Directory.EnumerateFiles(folder))
                {
                    var target = Path.Combine(corpus, Path.GetFileName(file));
                    if (File.Exists(target)) throw new InvalidDataException($"Two articles named {Path.GetFileName(file)} in {string.Join(", ", folders)}.");
                    File.Copy(file, target);
                }
            }

            var update = await indexer.UpdateAsync(corpus, Path.Combine(temp, "index"), null, cancellationToken).ConfigureAwait(false);
            return new ArticleFolders(temp, update.Live);
        }
        catch
        {
            Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        _lease.Dispose();
        _live.Dispose();
        if (Directory.Exists(_temp)) Directory.Delete(_temp, recursive: true);
    }
}
