using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;
using NewsQA.Core.Cluster;
using NewsQA.Core.Configuration;
using NewsQA.Core.Corpus;
using NewsQA.Core.Feeds;

namespace NewsQA.Bot.Feeds;

/// <summary>
/// Polls Ingestion:Feeds every Ingestion:PollInterval (the first poll as soon as the service has started), writes new
/// items into the corpus folder and tells the running index. The feeds of one poll are read at the same time, so a slow
/// site delays only its own feeds (the fetcher still sends one request at a time to each host), and a poll is given at
/// most one poll interval: what is unfinished then is cancelled and read at the next poll. A feed or page that fails
/// is logged with its URL and tried again, or set aside, by the ingestors; nothing a feed does can stop the service.
/// Feeds are the writer's: a cluster's replica does not poll them.
/// </summary>
public sealed partial class FeedPollingService(
    FeedIngestor feeds,
    ICorpusChangeListener changes,
    CorpusFolder corpus,
    IOptions<IngestionOptions> options,
    IOptions<ClusterOptions> cluster,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<FeedPollingService> logger) : BackgroundService
{
    // Feeds read at once. Each is mostly waiting on its site, and a host's requests queue behind one another anyway.
    private const int ConcurrentFeeds = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Feeds.Count == 0 || cluster.Value.Role == ClusterRole.Replica) return;
        LogPolling(logger, settings.Feeds.Count, settings.PollInterval);
        try
        {
            // Once the service has started: its listening addresses are then known, and refused (OwnAddresses).
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                await PollOnceAsync(stoppingToken);
                await Task.Delay(settings.PollInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The service is stopping.
        }
    }

    /// <summary>One poll of every feed; the written files are handed to the index before it returns.</summary>
    public async Task<IReadOnlyList<FeedIngestion>> PollOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var budget = new CancellationTokenSource(settings.PollInterval, time);
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        var urls = settings.Feeds.Distinct(StringComparer.Ordinal).ToList();
        var results = new FeedIngestion[urls.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, urls.Count), new ParallelOptions { MaxDegreeOfParallelism = ConcurrentFeeds }, async (i, _) =>
        {
            results[i] = await PollFeedAsync(urls[i], poll.Token, () => budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested);
        });
        cancellationToken.ThrowIfCancellationRequested();

        var written = results.SelectMany(r => r.WrittenPaths).ToList();
        try
        {
            if (written.Count > 0) await changes.CorpusChangedAsync(written, cancellationToken);
        }
#pragma warning disable CA1031 // The files are in the folder; the watcher's rescan applies them if this hand-over failed.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogHandOverFailed(logger, e, written.Count);
        }

        LogPolled(logger, results.Length, written.Count,
            results.Sum(r => r.Items.Count(i => i.Status == IngestStatus.Failed)) + results.Count(r => r.Problem is not null),
            results.Sum(r => r.Items.Count(i => i.Status == IngestStatus.SetAside)));
        return results;
    }

    private async Task<FeedIngestion> PollFeedAsync(string url, CancellationToken cancellationToken, Func<bool> outOfTime)
    {
        try
        {
            return await feeds.IngestAsync(new Uri(url), corpus.Path, cancellationToken);
        }
        catch (OperationCanceledException) when (outOfTime())
        {
            LogOutOfTime(logger, url, options.Value.PollInterval);
            return new FeedIngestion(url, false, $"unfinished when the poll's time (Ingestion:PollInterval, {options.Value.PollInterval}) ran out", []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(logger, url, corpus.Path, e.Message);
            return new FeedIngestion(url, false, e.Message, []);
        }
#pragma warning disable CA1031 // One feed's failure is that feed's: logged with its URL, and the other feeds and later polls go on.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFeedCrashed(logger, e, url);
            return new FeedIngestion(url, false, $"{e.GetType().Name}: {e.Message}", []);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling {Feeds} feeds every {Interval}")]
    private static partial void LogPolling(ILogger logger, int feeds, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polled {Feeds} feeds: {Written} articles written, {Failures} failures to retry, {SetAside} pages set aside")]
    private static partial void LogPolled(ILogger logger, int feeds, int written, int failures, int setAside);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feed {Url}: articles could not be written into {Corpus}: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, string url, string corpus, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feed {Url} failed unexpectedly; it is tried again at the next poll")]
    private static partial void LogFeedCrashed(ILogger logger, Exception exception, string url);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} articles written by this poll could not be handed to the index at once; the folder's next rescan applies them")]
    private static partial void LogHandOverFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Url} was not finished within the poll's time ({Interval}); it is read again at the next poll")]
    private static partial void LogOutOfTime(ILogger logger, string url, TimeSpan interval);
}
