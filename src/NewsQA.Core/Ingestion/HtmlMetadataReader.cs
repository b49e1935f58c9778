using AngleSharp.Dom;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// Reads an article page's metadata. Date, in order of trust: Open Graph's <c>article:published_time</c>, JSON-LD's
/// NewsArticle <c>datePublished</c>, then a <c>&lt;time datetime&gt;</c> of the article itself (the first in an
/// article or main element, or one marked as the publication date), never one in the page's navigation or sidebars.
/// Title: og:title, JSON-LD headline, the h1, the title element. Outlet: og:site_name, JSON-LD publisher. Link:
/// the canonical link, og:url, the page's own address. Language: the html element's lang, og:locale, JSON-LD.
/// </summary>
public static class HtmlMetadataReader
{
    /// <summary>
    /// The metadata <paramref name="document"/> declares; <paramref name="pageUrl"/> resolves relative links. A declared
    /// date that is not one is left out and reported in <paramref name="problems"/>.
    /// </summary>
    public static ArticleMetadata Read(IDocument document, Uri? pageUrl, ICollection<string>? problems = null)
    {
        var jsonLd = JsonLdArticle.Find(document);
        var title = Clean(Meta(document, "og:title"), MetadataLimits.MaxTitleChars) ?? Clean(jsonLd?.Headline, MetadataLimits.MaxTitleChars)
            ?? Clean(document.QuerySelector("h1")?.TextContent, MetadataLimits.MaxTitleChars)
            ?? Clean(document.QuerySelector("title")?.TextContent, MetadataLimits.MaxTitleChars);
        var published = Date(Meta(document, "article:published_time"), "article:published_time", problems)
            ?? Date(jsonLd?.DatePublished, "JSON-LD datePublished", problems)
            ?? TimeElementDate(document);
        var source = Clean(Meta(document, "og:site_name"), MetadataLimits.MaxSourceChars) ?? Clean(jsonLd?.Publisher, MetadataLimits.MaxSourceChars);
        var url = Link(document.QuerySelector("link[rel~='canonical']")?.GetAttribute("href"), pageUrl)
            ?? Link(Meta(document, "og:url"), pageUrl)
            ?? Link(jsonLd?.Url, pageUrl)
            ?? (pageUrl is not null && WebLink.IsHttp(pageUrl.AbsoluteUri) ? pageUrl.AbsoluteUri : null);
        var language = LanguageTag.Normalize(document.DocumentElement.GetAttribute("lang"))
            ?? LanguageTag.Normalize(Meta(document, "og:locale"))
            ?? LanguageTag.Normalize(jsonLd?.Language);
        return new ArticleMetadata(title, published, source, url, language);
    }

    private static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && meta.GetAttribute("content") is { Length: > 0 } content)
            {
                return content;
            }
        }

        return null;
    }

    private static DateTimeOffset? TimeElementDate(IDocument document)
    {
        var marked = document.QuerySelector("[itemprop='datePublished']");
        var candidates = new[]
        {
            marked?.GetAttribute("datetime") ?? marked?.GetAttribute("content"),
            document.QuerySelector("time[pubdate][datetime]")?.GetAttribute("datetime"),
            document.QuerySelector("article time[datetime], main time[datetime]")?.GetAttribute("datetime"),
            document.QuerySelectorAll("time[datetime]").FirstOrDefault(InArticleFlow)?.GetAttribute("datetime"),
        };
        return candidates.Select(PublishedDate.Parse).FirstOrDefault(d => d is not null);
    }

    // A time element in the navigation, a sidebar, the footer or the site's header dates something else (today, a
    // related story); an article's own header is part of the article.
    private static bool InArticleFlow(IElement time) =>
        time.Closest("nav, aside, footer") is null && (time.Closest("header") is not { } header || header.Closest("article") is not null);

    private static string? Link(string? href, Uri? pageUrl)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        Uri? uri = null;
        if (pageUrl is not null) Uri.TryCreate(pageUrl, href.Trim(), out uri);
        else Uri.TryCreate(href.Trim(), UriKind.Absolute, out uri);
        return uri is not null && WebLink.IsHttp(uri.AbsoluteUri) ? uri.AbsoluteUri : null;
    }

    private static DateTimeOffset? Date(string? text, string name, ICollection<string>? problems)
    {
        var date = PublishedDate.Parse(text);
        if (date is null && !string.IsNullOrWhiteSpace(text)) problems?.Add($"{name} \"{MetadataLimits.Cut(text.Trim(), 64)}\" is not a date; read without it");
        return date;
    }

    // A value past the limit is not a title or a name but a page's text in the wrong place: the next source is asked.
    private static string? Clean(string? text, int maxChars)
    {
        if (text is null) return null;
        var cleaned = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return cleaned.Length > 0 && cleaned.Length <= maxChars ? cleaned : null;
    }
}
