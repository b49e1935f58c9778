using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Corpus;

/// <summary>An article on its way into the corpus folder (from a feed, a page or the admin API): its metadata and paragraphs.</summary>
public sealed record NewArticle(ArticleMetadata Metadata, IReadOnlyList<ArticleParagraph> Paragraphs)
{
    /// <summary>An article from its text (the first line is the title unless <paramref name="metadata"/> names one).</summary>
    public static NewArticle FromText(string text, ArticleMetadata metadata) => From(ArticleParser.Parse(text, metadata.Title), metadata);

    /// <summary>
    /// An article extracted from a page; the page's own metadata, then <paramref name="lessTrusted"/> (the feed item's).
    /// A page nested too deep is an <see cref="ArticleFormatException"/>; metadata left out is said in <paramref name="problems"/>.
    /// </summary>
    public static NewArticle FromHtml(string html, Uri? pageUrl, ArticleMetadata lessTrusted, ICollection<string>? problems = null, CancellationToken cancellationToken = default)
    {
        var (metadata, text) = HtmlArticleExtractor.Extract(html, pageUrl, problems, cancellationToken);
        metadata = metadata.Or(lessTrusted);
        return From(ArticleParser.Parse(text, metadata.Title), metadata);
    }

    private static NewArticle From(ParsedArticle parsed, ArticleMetadata metadata) => new(metadata with
    {
        Title = parsed.Title.Length > 0 ? parsed.Title : MetadataLimits.Title(metadata.Title),
        Source = MetadataLimits.Source(metadata.Source ?? parsed.Source),
    }, parsed.Paragraphs);
}
