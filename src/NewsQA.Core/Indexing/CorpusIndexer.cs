using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Indexing;

/// <summary>
/// Brings the index of a corpus folder up to date. Incremental: a document whose file bytes and index settings are
/// unchanged keeps its stored passages, terms and vectors (no re-analysis, no re-embedding); a removed file leaves the
/// index; the index is saved only when something changed. A corrupt or older index is reported and rebuilt.
/// </summary>
public sealed partial class CorpusIndexer(
    IIndexStore store,
    PassageEncoder encoder,
    IOptions<CorpusOptions> corpusOptions,
    ILogger<CorpusIndexer> logger)
{
    /// <summary>Indexes <paramref name="corpusFolder"/> into <paramref name="indexPath"/>.</summary>
    public async Task<IndexUpdate> UpdateAsync(
        string corpusFolder,
        string indexPath,
        IProgress<IndexProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        if (!Directory.Exists(corpusFolder)) throw new DirectoryNotFoundException($"Corpus folder not found: {corpusFolder}");

        var loaded = store.Load(indexPath);
        string? rebuildReason = null;
        if (loaded.Problem is not null && !loaded.Missing)
        {
            rebuildReason = loaded.Problem;
            LogRebuilding(logger, loaded.Problem);
        }

        var settings = new IndexSettings(TextAnalyzer.Version, encoder.EmbedderId, encoder.Dimensions ?? 0, corpusOptions.Value.MaxPassageChars);
        var previous = loaded.Snapshot;
        if (previous is not null && !Compatible(previous.Settings, settings))
        {
            rebuildReason = "index settings changed (analyzer, embedding model or passage size)";
            previous = null;
        }

        var existing = previous?.Documents.ToDictionary(d => d.DocumentId, StringComparer.Ordinal) ?? [];
        var warnings = new List<CorpusWarning>();
        var total = CountArticleFiles(corpusFolder);
        var documents = new List<IndexedDocument>();
        int added = 0, changed = 0, unchanged = 0, embedded = 0, done = 0;
        foreach (var file in CorpusReader.Read(corpusFolder, warnings))
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new IndexProgress(++done, total, file.Path));
            if (existing.Remove(file.DocumentId, out var old) && old.ContentHash == file.ContentHash)
            {
                documents.Add(old with { SourcePath = file.Path });
                unchanged++;
                continue;
            }

            var (article, passages) = ArticleLoader.Load(file, settings.MaxPassageChars, warnings);
            if (passages.Count == 0)
            {
                warnings.Add(new CorpusWarning(file.Path, "skipped: no article text after removing page boilerplate"));
                continue;
            }

            var indexed = await encoder.EncodeAsync(passages, cancellationToken).ConfigureAwait(false);
            embedded += indexed.Count;
            documents.Add(new IndexedDocument(file.DocumentId, file.ContentHash, article.Title, article.Source, file.Path, indexed));
            if (old is null) added++;
            else changed++;
        }

        var removed = existing.Count;
        var dimensions = documents.SelectMany(d => d.Passages).Select(p => p.Vector.Length).FirstOrDefault(settings.Dimensions);
        var snapshot = new IndexSnapshot(settings with { Dimensions = dimensions }, documents);
        var saved = added + changed + removed > 0 || loaded.Snapshot is null || rebuildReason is not null;
        if (saved) store.Save(snapshot, indexPath);
        foreach (var warning in warnings) LogSkipped(logger, warning.Path, warning.Reason);
        return new IndexUpdate(PassageIndex.Build(snapshot), added, changed, removed, unchanged, embedded, saved, clock.Elapsed, warnings, rebuildReason);
    }

    private static bool Compatible(IndexSettings stored, IndexSettings current) =>
        stored.AnalyzerVersion == current.AnalyzerVersion
        && stored.EmbedderId == current.EmbedderId
        && stored.MaxPassageChars == current.MaxPassageChars
        && (current.Dimensions == 0 || stored.Dimensions == current.Dimensions);

    private static int CountArticleFiles(string folder) =>
        Directory.EnumerateFiles(folder).Count(f => CorpusReader.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding the index: {Reason}")]
    private static partial void LogRebuilding(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string path, string reason);
}
