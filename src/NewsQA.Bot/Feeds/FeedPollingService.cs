using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;
using NewsQA.Core.Configuration;
using NewsQA.Core.Corpus;
using NewsQA.Core.Feeds;

namespace NewsQA.Bot.Feeds;

/// <summary>
/// Polls Ingestion:Feeds every Ingestion:PollInterval (the first poll at start-up), writes new items into the corpus
/// folder and tells the running index. A feed or page that fails is logged with its URL by the ingestors and tried
/// again at the next poll; nothing a feed does can stop the service.
/// </summary>
public sealed partial class FeedPollingService(
    FeedIngestor feeds,
    ICorpusChangeListener changes,
    CorpusFolder corpus,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<FeedPollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Feeds.Count == 0) return;
        LogPolling(logger, settings.Feeds.Count, settings.PollInterval);
        try
        {
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
        var results = new List<FeedIngestion>();
        foreach (var feed in options.Value.Feeds)
        {
            try
            {
                results.Add(await feeds.IngestAsync(new Uri(feed), corpus.Path, cancellationToken));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogWriteFailed(logger, feed, corpus.Path, e.Message);
            }
        }

        var written = results.SelectMany(r => r.WrittenPaths).ToList();
        if (written.Count > 0) await changes.CorpusChangedAsync(written, cancellationToken);
        LogPolled(logger, results.Count, written.Count, results.Sum(r => r.Items.Count(i => i.Status == IngestStatus.Failed)) + results.Count(r => r.Problem is not null));
        return results;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling {Feeds} feeds every {Interval}")]
    private static partial void LogPolling(ILogger logger, int feeds, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polled {Feeds} feeds: {Written} articles written, {Failures} failures to retry")]
    private static partial void LogPolled(ILogger logger, int feeds, int written, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feed {Url}: articles could not be written into {Corpus}: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, string url, string corpus, string reason);
}
