using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Fetching;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Feeds;

/// <summary>
/// Reads one feed and ingests its new items' pages. The feed is asked for conditionally (the ETag and Last-Modified
/// of its last complete read, remembered per feed), so an unchanged feed costs one 304. When any item's page failed,
/// the validators are not kept: the next poll reads the feed in full and retries that item.
/// </summary>
public sealed partial class FeedIngestor(WebFetcher fetcher, PageIngestor pages, IOptions<IngestionOptions> options, ILogger<FeedIngestor> logger)
{
    private const string Accept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

    private readonly ConcurrentDictionary<string, FetchValidators> _validators = new(StringComparer.Ordinal);

    // Item links already ingested or skipped by this process, so a story whose link differs from its page's canonical
    // link is not fetched on every poll.
    private readonly ConcurrentDictionary<string, string> _handled = new(StringComparer.Ordinal);

    public async Task<FeedIngestion> IngestAsync(Uri feedUrl, string corpusFolder, CancellationToken cancellationToken)
    {
        var key = feedUrl.AbsoluteUri;
        FetchedResource fetched;
        Feed feed;
        try
        {
            fetched = await fetcher.GetAsync(feedUrl, _validators.GetValueOrDefault(key), Accept, cancellationToken).ConfigureAwait(false);
            if (fetched.NotModified) return new FeedIngestion(key, true, null, []);
            feed = FeedParser.Parse(fetched.Body!, fetched.Url);
        }
        catch (Exception e) when (e is FetchException or FeedFormatException)
        {
            var reason = e is FetchException f ? f.Reason : e.Message;
            LogFeedFailed(logger, key, reason);
            _validators.TryRemove(key, out _);
            return new FeedIngestion(key, false, reason, []);
        }

        var outcomes = new List<IngestOutcome>();
        foreach (var item in feed.Items.Take(options.Value.MaxItemsPerFeed))
        {
            outcomes.Add(await IngestItemAsync(feed, item, corpusFolder, cancellationToken).ConfigureAwait(false));
        }

        if (outcomes.All(o => o.Status != IngestStatus.Failed)) _validators[key] = fetched.Validators;
        else _validators.TryRemove(key, out _);
        return new FeedIngestion(key, false, null, outcomes);
    }

    private async Task<IngestOutcome> IngestItemAsync(Feed feed, FeedItem item, string corpusFolder, CancellationToken cancellationToken)
    {
        if (item.Link is null) return IngestOutcome.Skipped(item.Title ?? "(untitled item)", "the item has no http(s) link");
        var linkKey = WebLink.Key(item.Link);
        if (_handled.TryGetValue(linkKey, out var earlier)) return IngestOutcome.Skipped(item.Link.AbsoluteUri, earlier);

        var fromFeed = new ArticleMetadata(item.Title, item.Published, feed.Title, item.Link.AbsoluteUri, feed.Language);
        var outcome = await pages.IngestAsync(item.Link, fromFeed, item.Content, corpusFolder, cancellationToken).ConfigureAwait(false);
        if (outcome.Status != IngestStatus.Failed)
        {
            _handled[linkKey] = outcome.DocumentId is { } id ? $"already in the corpus as {id}" : outcome.Reason ?? "already read";
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Url} failed: {Reason}; it is tried again at the next poll")]
    private static partial void LogFeedFailed(ILogger logger, string url, string reason);
}
