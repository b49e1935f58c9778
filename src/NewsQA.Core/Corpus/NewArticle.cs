using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Corpus;

/// <summary>An article on its way into the corpus folder (from a feed, a page or the admin API): its metadata and paragraphs.</summary>
public sealed record NewArticle(ArticleMetadata Metadata, IReadOnlyList<ArticleParagraph> Paragraphs)
{
    /// <summary>An article from its text (the first line is the title unless <paramref name="metadata"/> names one).</summary>
    public static NewArticle FromText(string text, ArticleMetadata metadata) => From(ArticleParser.Parse(text, metadata.Title), metadata);

    /// <summary>An article extracted from a page; the page's own metadata, then <paramref name="lessTrusted"/> (the feed item's).</summary>
    public static NewArticle FromHtml(string html, Uri? pageUrl, ArticleMetadata lessTrusted)
    {
        var (metadata, text) = HtmlArticleExtractor.Extract(html, pageUrl);
        metadata = metadata.Or(lessTrusted);
        return From(ArticleParser.Parse(text, metadata.Title), metadata);
    }

    private static NewArticle From(ParsedArticle parsed, ArticleMetadata metadata) =>
        new(metadata with { Title = parsed.Title.Length > 0 ? parsed.Title : metadata.Title, Source = metadata.Source ?? parsed.Source }, parsed.Paragraphs);
}
