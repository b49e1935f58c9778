using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Fetching;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Feeds;

/// <summary>
/// Reads one feed and ingests its new items' pages. The feed is asked for conditionally (the ETag and Last-Modified
/// of its last complete read, remembered per feed), so an unchanged feed costs one 304. When any item's page failed,
/// the validators are not kept: the next poll reads the feed in full and retries that item. Nothing a feed or an item
/// holds gets past here: a feed that cannot be read is logged with its URL and set aside until its body changes (its
/// validators kept, so an unchanged feed costs a 304), and an item whose page cannot be read, or whose address is
/// refused, is set aside until the item changes (title, link, date or content), while the feed's other items go on.
/// </summary>
public sealed partial class FeedIngestor(WebFetcher fetcher, PageIngestor pages, IOptions<IngestionOptions> options, ILogger<FeedIngestor> logger)
{
    private const string Accept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

    private readonly ConcurrentDictionary<string, FetchValidators> _validators = new(StringComparer.Ordinal);

    // Item links already ingested or skipped by this process, so a story whose link differs from its page's canonical
    // link is not fetched on every poll.
    private readonly ConcurrentDictionary<string, string> _handled = new(StringComparer.Ordinal);

    // What is set aside, by feed URL and by item link: the fingerprint of the input as it was, and why.
    private readonly ConcurrentDictionary<string, (string Fingerprint, string Reason)> _setAsideFeeds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Fingerprint, string Reason)> _setAsideItems = new(StringComparer.Ordinal);

    public async Task<FeedIngestion> IngestAsync(Uri feedUrl, string corpusFolder, CancellationToken cancellationToken)
    {
        var key = feedUrl.AbsoluteUri;
        Feed feed;
        FetchValidators validators;
        using (var budget = fetcher.StartBudget(cancellationToken))
        {
            FetchedResource fetched;
            try
            {
                fetched = await fetcher.GetAsync(feedUrl, _validators.GetValueOrDefault(key), Accept, budget).ConfigureAwait(false);
            }
            catch (FetchException e)
            {
                LogFeedFailed(logger, key, e.Reason);
                _validators.TryRemove(key, out _);
                return new FeedIngestion(key, false, e.Reason, []);
            }

            if (fetched.NotModified) return new FeedIngestion(key, true, null, []);
            validators = fetched.Validators;
            var fingerprint = Convert.ToHexStringLower(SHA256.HashData(fetched.Body!));
            if (_setAsideFeeds.TryGetValue(key, out var aside) && aside.Fingerprint == fingerprint)
            {
                _validators[key] = validators;
                return new FeedIngestion(key, false, $"set aside until it changes: {aside.Reason}", []);
            }

            try
            {
                feed = FeedParser.Parse(fetched.Body!, fetched.Url, budget.Token);
            }
            catch (OperationCanceledException) when (budget.Expired)
            {
                return SetAsideFeed(key, fingerprint, validators, $"reading the feed {budget.TimedOut} (Ingestion:FetchTimeout covers fetching and reading)");
            }
#pragma warning disable CA1031 // The edge of one feed: whatever its body makes the reader throw is that feed's failure alone.
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
            {
                return SetAsideFeed(key, fingerprint, validators, e is FeedFormatException ? e.Message : ArticleLoader.Unreadable(e));
            }

            _setAsideFeeds.TryRemove(key, out _);
        }

        foreach (var problem in feed.Problems) LogFeedProblem(logger, key, problem);
        var outcomes = new List<IngestOutcome>();
        foreach (var item in feed.Items.Take(options.Value.MaxItemsPerFeed))
        {
            outcomes.Add(await IngestItemAsync(feed, item, corpusFolder, cancellationToken).ConfigureAwait(false));
        }

        if (outcomes.All(o => o.Status != IngestStatus.Failed)) _validators[key] = validators;
        else _validators.TryRemove(key, out _);
        return new FeedIngestion(key, false, null, outcomes);
    }

    private FeedIngestion SetAsideFeed(string key, string fingerprint, FetchValidators validators, string reason)
    {
        LogFeedSetAside(logger, key, reason);
        _setAsideFeeds[key] = (fingerprint, reason);
        _validators[key] = validators;
        return new FeedIngestion(key, false, reason, []);
    }

    private async Task<IngestOutcome> IngestItemAsync(Feed feed, FeedItem item, string corpusFolder, CancellationToken cancellationToken)
    {
        if (item.Link is null) return IngestOutcome.Skipped(item.Title ?? "(untitled item)", "the item has no http(s) link");
        var link = item.Link.AbsoluteUri;
        var linkKey = WebLink.Key(item.Link);
        if (_handled.TryGetValue(linkKey, out var earlier)) return IngestOutcome.Skipped(link, earlier);
        var fingerprint = Fingerprint(item);
        if (_setAsideItems.TryGetValue(linkKey, out var aside) && aside.Fingerprint == fingerprint)
        {
            return IngestOutcome.Skipped(link, $"set aside until the item changes: {aside.Reason}");
        }

        IngestOutcome outcome;
        try
        {
            var fromFeed = new ArticleMetadata(item.Title, item.Published, feed.Title, link, feed.Language);
            outcome = await pages.IngestAsync(item.Link, fromFeed, item.Content, corpusFolder, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The edge of one item: the feed's other items go on. A folder that cannot be written stops the feed (IOException).
        catch (Exception e) when (e is not OperationCanceledException and not IOException and not UnauthorizedAccessException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            LogItemFailed(logger, e, link);
            outcome = IngestOutcome.SetAside(link, ArticleLoader.Unreadable(e));
        }

        if (outcome.Status == IngestStatus.SetAside) _setAsideItems[linkKey] = (fingerprint, outcome.Reason!);
        else if (outcome.Status != IngestStatus.Failed)
        {
            _setAsideItems.TryRemove(linkKey, out _);
            _handled[linkKey] = outcome.DocumentId is { } id ? $"already in the corpus as {id}" : outcome.Reason ?? "already read";
        }

        return outcome;
    }

    // What identifies an item's version: a change to any of these and a set-aside item is tried again.
    private static string Fingerprint(FeedItem item)
    {
        var text = string.Join('\0', item.Title, item.Link?.AbsoluteUri, item.Published?.ToUnixTimeSeconds(), item.Content);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Url} failed: {Reason}; it is tried again at the next poll")]
    private static partial void LogFeedFailed(ILogger logger, string url, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Url} set aside: {Reason}; it is read again when it changes")]
    private static partial void LogFeedSetAside(ILogger logger, string url, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Url}: {Problem}")]
    private static partial void LogFeedProblem(ILogger logger, string url, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feed item {Url} could not be ingested; it is set aside until the item changes")]
    private static partial void LogItemFailed(ILogger logger, Exception exception, string url);
}
