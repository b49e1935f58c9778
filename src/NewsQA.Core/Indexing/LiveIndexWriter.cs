using System.Diagnostics;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Indexing;

/// <summary>
/// Applies changed articles of a corpus folder to the index a service answers from, while it answers. Each batch names
/// the articles that changed (by document id); each one is read from the folder and replaced under its document-id term,
/// or deleted when its file is gone, so nothing but those articles is touched; then one commit, and
/// <see cref="LiveIndex.Refresh"/> moves new leases to the new snapshot (a question already running finishes on the one
/// it leased). An article whose file bytes are unchanged is skipped, and a file that changes while it is read is
/// left for a later batch, so half a write is never indexed. Each batch has a writer of its own, closed after its
/// commit, so the folder's write lock is held only while a batch is written (the lock is not enforced between
/// processes on every platform); a batch that fails is rolled back and the previous commit stays the answer.
/// </summary>
public sealed class LiveIndexWriter(LiveIndex live, PassageEncoder encoder, int maxPassageChars, int maxFileBytes) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    /// <summary>Applies the articles with these document ids as the folder now holds them.</summary>
    public async Task<IndexBatch> ApplyAsync(string corpusFolder, IReadOnlyCollection<string> documentIds, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var timer = Stopwatch.StartNew();
            using var lease = live.Acquire(); // what the batch compares with, held until it is applied
            var snapshot = lease.Index;
            using var writer = live.OpenWriter(); // disposed without a commit, it rolls the batch back
            using var cache = encoder.OpenCache(live.FolderPath);
            var warnings = new List<CorpusWarning>();
            var deferred = new List<string>();
            int added = 0, changed = 0, removed = 0, unchanged = 0;
            foreach (var documentId in documentIds.Distinct(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var known = snapshot.FingerprintOf(documentId);
                var (file, unsettled) = ReadSettled(corpusFolder, documentId, maxFileBytes, warnings);
                if (unsettled is not null)
                {
                    deferred.Add(unsettled);
                    continue;
                }

                if (file is not null && file.ContentHash == known)
                {
                    unchanged++;
                    continue;
                }

                var (article, passages) = file is null ? (null, []) : ArticleLoader.Load(file, maxPassageChars, warnings);
                if (article is null || passages.Count == 0)
                {
                    if (file is not null) warnings.Add(new CorpusWarning(file.Path, "skipped: no article text after removing page boilerplate"));
                    if (known is null) continue;
                    writer.Remove(documentId);
                    removed++;
                    continue;
                }

                var encoded = await encoder.EncodeAsync(passages, cancellationToken, cache).ConfigureAwait(false);
                writer.Replace(new IndexedDocument(documentId, file!.ContentHash, article.Title, article.Source, file.Path, encoded)
                {
                    Published = article.Published,
                    Url = article.Url,
                    Language = article.Language,
                });
                if (known is null) added++;
                else changed++;
            }

            var batch = new IndexBatch(added, changed, removed, unchanged, deferred, warnings, TimeSpan.Zero);
            if (batch.Committed)
            {
                writer.Commit();
                live.Refresh(); // answerable now
                writer.Dispose(); // waits for the merges the commit started and commits them
                live.Refresh(); // so readers move to the merged segments and let the small ones go
            }

            return batch with { Elapsed = timer.Elapsed };
        }
        finally
        {
            _gate.Release();
        }
    }

    // The article's file as the corpus reader would choose it (the first readable file of that name), unless it
    // changed while it was read: then its path, to be read again once it has settled.
    private static (CorpusFile? File, string? Unsettled) ReadSettled(string folder, string documentId, int maxFileBytes, List<CorpusWarning> warnings)
    {
        foreach (var path in CorpusReader.ArticlePaths(folder, documentId))
        {
            var before = Stamp(path);
            var file = CorpusReader.TryRead(path, documentId, maxFileBytes, warnings);
            if (Stamp(path) != before) return (null, path);
            if (file is not null) return (file, null);
        }

        return (null, null);
    }

    private static (long, DateTime)? Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _disposed = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
