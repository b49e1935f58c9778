using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Embeddings;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Indexing;

/// <summary>
/// Brings the index folder of a corpus up to date, article by article. An article whose file bytes are unchanged (its
/// fingerprint, kept in its record) is skipped without reading further; a changed article replaces its own passages
/// under its document-id term; a removed file's passages are deleted. One commit at the end makes the run visible at
/// once; cancelled or failed part-way, the run is rolled back and the previous commit stays as it was. An index in
/// another format or built with other settings is reported in one line and rebuilt.
/// </summary>
public sealed partial class CorpusIndexer(
    PassageEncoder encoder,
    IOptions<CorpusOptions> corpusOptions,
    ILogger<CorpusIndexer> logger,
    IOptions<RetrievalOptions>? retrievalOptions = null)
{
    /// <summary>Indexes <paramref name="corpusFolder"/> into the folder <paramref name="indexPath"/>.</summary>
    public async Task<IndexUpdate> UpdateAsync(
        string corpusFolder,
        string indexPath,
        IProgress<IndexProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var timer = Stopwatch.StartNew();
        if (!Directory.Exists(corpusFolder)) throw new DirectoryNotFoundException($"Corpus folder not found: {corpusFolder}");

        var folder = IndexFolder.Open(indexPath);
        try
        {
            var settings = new IndexSettings(TextAnalyzer.Version, encoder.EmbedderId, encoder.Dimensions ?? 0, corpusOptions.Value.MaxPassageChars);
            var rebuildReason = folder.Missing ? null : folder.Problem;
            if (rebuildReason is null && folder.Settings is { } stored && !settings.CanReuse(stored))
            {
                rebuildReason = "index settings changed (analyzer, embedding model or passage size)";
            }

            if (rebuildReason is not null) LogRebuilding(logger, rebuildReason);
            var create = folder.Settings is null || rebuildReason is not null;
            var existing = create ? [] : Fingerprints(folder);
            if (folder.Settings is null && !folder.Missing) folder.ClearDamaged();
            var before = folder.Files();
            var run = await WriteAsync(folder, settings with { Dimensions = create ? settings.Dimensions : folder.Settings!.Dimensions }, create, existing, corpusFolder, progress, cancellationToken).ConfigureAwait(false);

            var reopened = IndexFolder.Open(indexPath);
            folder.Dispose();
            folder = reopened;
            var written = folder.BytesWrittenSince(before);
            foreach (var warning in run.Warnings) LogSkipped(logger, warning.Path, warning.Reason);
            var live = new LiveIndex(folder, folder.OpenSnapshot(), encoder.Embeds ? (retrievalOptions?.Value ?? new RetrievalOptions()).VectorIndex : null);
            using var lease = live.Acquire();
            return new IndexUpdate(live, run.Added, run.Changed, run.Removed, run.Unchanged, run.Indexed, run.Saved, timer.Elapsed,
                run.Warnings, rebuildReason, written, folder.Bytes())
            {
                Embedded = run.Embeddings.Embedded,
                Reused = run.Embeddings.Reused,
                EmbeddingTokens = run.Embeddings.Tokens,
                Documents = lease.Index.ArticleCount,
                Passages = lease.Index.Count,
            };
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    private sealed record Run(int Added, int Changed, int Removed, int Unchanged, int Indexed, bool Saved, List<CorpusWarning> Warnings, EmbeddingTally Embeddings);

    // An article read and split, waiting for its passages' embeddings.
    private sealed record Pending(CorpusFile File, ParsedArticle Article, IReadOnlyList<Passage> Passages, bool Known);

    private async Task<Run> WriteAsync(
        IndexFolder folder, IndexSettings settings, bool create, Dictionary<string, string> existing, string corpusFolder,
        IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var warnings = new List<CorpusWarning>();
        var total = CountArticleFiles(corpusFolder);
        int added = 0, changed = 0, unchanged = 0, indexed = 0, done = 0;
        var tally = new EmbeddingTally();
        using var cache = encoder.OpenCache(folder.Path);
        using var writer = PassageIndexWriter.Open(folder.Directory, settings, create);
        // Articles wait until they fill every request in flight, so a bulk run sends full batches in parallel rather
        // than one small request per article.
        var pending = new List<Pending>();
        var flushAt = encoder.Settings.BatchSize * encoder.Settings.Concurrency;
        long toEmbed = 0;
        string current = "";
        void Report() => progress?.Report(new IndexProgress(done, total, current, toEmbed, tally.Embedded, tally.Reused, tally.Tokens));
        async Task FlushAsync()
        {
            if (encoder.Embeds)
            {
                toEmbed += pending.Sum(p => p.Passages.Count);
                Report();
            }

            var encoded = await encoder.EncodeAsync([.. pending.SelectMany(p => p.Passages)], cancellationToken, cache, tally).ConfigureAwait(false);
            var next = 0;
            foreach (var (file, article, passages, known) in pending)
            {
                var document = new IndexedDocument(file.DocumentId, file.ContentHash, article.Title, article.Source, file.Path, encoded.GetRange(next, passages.Count))
                {
                    Published = article.Published,
                    Url = article.Url,
                    Language = article.Language,
                };
                next += passages.Count;
                if (known) writer.Replace(document);
                else writer.Add(document);
            }

            indexed += encoded.Count;
            pending.Clear();
            if (encoder.Embeds) Report();
        }

        foreach (var file in CorpusReader.Read(corpusFolder, warnings, corpusOptions.Value.MaxFileBytes))
        {
            // Between articles, so a cancelled run (SIGTERM) stops promptly; disposing the writer rolls it back.
            cancellationToken.ThrowIfCancellationRequested();
            done++;
            current = file.Path;
            Report();
            var known = existing.Remove(file.DocumentId, out var hash);
            if (known && hash == file.ContentHash)
            {
                unchanged++;
                continue;
            }

            var (article, passages) = ArticleLoader.Load(file, settings.MaxPassageChars, warnings);
            if (passages.Count == 0)
            {
                warnings.Add(new CorpusWarning(file.Path, "skipped: no article text after removing page boilerplate"));
                if (known) writer.Remove(file.DocumentId);
                continue;
            }

            pending.Add(new Pending(file, article, passages, known));
            if (known) changed++;
            else added++;
            if (pending.Sum(p => p.Passages.Count) >= flushAt) await FlushAsync().ConfigureAwait(false);
        }

        if (pending.Count > 0) await FlushAsync().ConfigureAwait(false);
        foreach (var removed in existing.Keys) writer.Remove(removed);
        var saved = create || added + changed + existing.Count > 0;
        cancellationToken.ThrowIfCancellationRequested();
        if (saved) writer.Commit();
        return new Run(added, changed, existing.Count, unchanged, indexed, saved, warnings, tally);
    }

    // Document id → content hash of every article in the last commit.
    private static Dictionary<string, string> Fingerprints(IndexFolder folder)
    {
        using var index = folder.OpenSnapshot();
        return index.Fingerprints();
    }

    private static int CountArticleFiles(string folder) =>
        Directory.EnumerateFiles(folder).Count(f => CorpusReader.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding the index: {Reason}")]
    private static partial void LogRebuilding(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string path, string reason);
}
