using Microsoft.Extensions.Logging;
using NewsQA.Core.Corpus;
using NewsQA.Core.Fetching;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Feeds;

/// <summary>
/// Fetches one article page, extracts its article (<see cref="HtmlArticleExtractor"/>) and writes it into the corpus
/// folder. The page's metadata is trusted over the feed item's; when the page yields no text, the feed's own copy of
/// the article (content:encoded, Atom content) is used. A link the folder already holds is not fetched again. One
/// budget of Ingestion:FetchTimeout covers fetching and reading the page; a page that cannot be read (nested too
/// deep, read too slowly, anything its content makes the reader throw) or whose address is refused is set aside.
/// </summary>
public sealed partial class PageIngestor(WebFetcher fetcher, CorpusArticleWriter writer, ILogger<PageIngestor> logger)
{
    private const string Accept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

    /// <summary>Ingests the page at <paramref name="url"/>; <paramref name="item"/> is what a feed said about it.</summary>
    public async Task<IngestOutcome> IngestAsync(Uri url, ArticleMetadata item, string? itemContent, string corpusFolder, CancellationToken cancellationToken)
    {
        var link = url.AbsoluteUri;
        if (await writer.FindLinkAsync(corpusFolder, url, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return IngestOutcome.Skipped(link, $"already in the corpus as {known} (same link)", known);
        }

        using var budget = fetcher.StartBudget(cancellationToken);
        FetchedResource page;
        try
        {
            page = await fetcher.GetAsync(url, null, Accept, budget).ConfigureAwait(false);
        }
        catch (FetchException e) when (e.Refused)
        {
            LogSetAside(logger, link, e.Reason);
            return IngestOutcome.SetAside(link, e.Reason);
        }
        catch (FetchException e)
        {
            LogFailed(logger, link, e.Reason);
            return IngestOutcome.Failed(link, e.Reason);
        }

        if (page.ContentType is { } type && !type.Contains("html", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        {
            return IngestOutcome.Skipped(link, $"not an article page ({type})");
        }

        var problems = new List<string>();
        NewArticle article;
        try
        {
            article = Read(page, item, itemContent, problems, budget.Token);
        }
        catch (OperationCanceledException) when (budget.Expired)
        {
            var reason = $"reading the page {budget.TimedOut} (Ingestion:FetchTimeout covers fetching and reading)";
            LogSetAside(logger, link, reason);
            return IngestOutcome.SetAside(link, reason);
        }
#pragma warning disable CA1031 // The edge of one page: whatever its content makes the reader throw is that page's failure alone.
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            var reason = ArticleLoader.Unreadable(e);
            LogSetAside(logger, link, reason);
            return IngestOutcome.SetAside(link, reason);
        }

        foreach (var problem in problems) LogProblem(logger, link, problem);
        if (article.Paragraphs.Count == 0) return IngestOutcome.Skipped(link, "no article text on the page");
        var write = await writer.WriteAsync(corpusFolder, article, cancellationToken).ConfigureAwait(false);
        if (!write.Written) return IngestOutcome.Skipped(link, write.Reason!, write.DocumentId);
        LogWritten(logger, write.DocumentId, link);
        return new IngestOutcome(IngestStatus.Written, link, write.DocumentId, write.Path, article.Metadata.Title, article.Metadata.Published, null);
    }

    private static NewArticle Read(FetchedResource page, ArticleMetadata item, string? itemContent, List<string> problems, CancellationToken cancellationToken)
    {
        var article = NewArticle.FromHtml(ResponseText.Decode(page.Body!, page.Charset, problems), page.Url, item, problems, cancellationToken);
        if (article.Paragraphs.Count == 0 && itemContent is not null)
        {
            var fromFeed = NewArticle.FromHtml(itemContent, page.Url, ArticleMetadata.None, null, cancellationToken);
            article = article with { Paragraphs = fromFeed.Paragraphs };
        }

        return article;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article page {Url} failed: {Reason}; it is tried again at the next poll")]
    private static partial void LogFailed(ILogger logger, string url, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article page {Url} set aside: {Reason}; it is not fetched again until its feed item changes")]
    private static partial void LogSetAside(ILogger logger, string url, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article page {Url}: {Problem}")]
    private static partial void LogProblem(ILogger logger, string url, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote article {DocumentId} from {Url}")]
    private static partial void LogWritten(ILogger logger, string documentId, string url);
}
