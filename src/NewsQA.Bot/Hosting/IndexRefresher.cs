using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Corpus;
using NewsQA.Core.Indexing;

namespace NewsQA.Bot.Hosting;

/// <summary>
/// Brings the running index up to date after articles were written into or removed from the corpus folder: the
/// incremental indexer runs over the folder (unchanged articles are reused) and the index the service answers from
/// is swapped, so questions keep being answered from the old one meanwhile. Runs one at a time; a change that arrives
/// while a run is going is covered by the next one, and changes waiting together share it. Issue 14's folder watcher
/// (phase 2) replaces this class, applying changes per article.
/// </summary>
public sealed partial class IndexRefresher(
    CorpusIndexer indexer,
    IndexHolder holder,
    CorpusFolder corpus,
    IOptions<IndexOptions> index,
    IHostApplicationLifetime lifetime,
    ILogger<IndexRefresher> logger) : ICorpusChangeListener
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _requested;
    private long _applied;

    public async Task CorpusChangedAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken)
    {
        var ticket = Interlocked.Increment(ref _requested);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Interlocked.Read(ref _applied) >= ticket) return; // a run that started after this change covered it
            var covers = Interlocked.Read(ref _requested);
            var update = await indexer.UpdateAsync(corpus.Path, index.Value.Path, null, lifetime.ApplicationStopping);
            holder.Set(update.Live);
            Interlocked.Exchange(ref _applied, covers);
            LogRefreshed(logger, update.Added, update.Changed, update.Removed, update.Index.Documents.Count, update.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Shutting down: the files are in the folder and the next start indexes them.
        }
#pragma warning disable CA1031 // The articles are safe in the folder; a failed re-index must not fail the request that wrote them.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e);
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Index refreshed: {Added} added, {Changed} changed, {Removed} removed; {Documents} articles in {Seconds:0.00} s")]
    private static partial void LogRefreshed(ILogger logger, int added, int changed, int removed, int documents, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the index after a corpus change failed; the previous index is still answering")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
