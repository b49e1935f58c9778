using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// Extracts a news page's article with AngleSharp: its metadata (<see cref="HtmlMetadataReader"/>) and its main text
/// only. Navigation, headers, footers, sidebars, forms (comment forms), share bars, related-story lists, captions and
/// hidden elements are dropped; the article is the schema.org articleBody, else the article element with the most
/// paragraph text, else main, else the element whose paragraphs hold the most text; blocks made mostly of links
/// (lists of other stories) are dropped. The text comes out as one block per line, for <see cref="ArticleParser"/>.
/// </summary>
public static class HtmlArticleExtractor
{
    private static readonly string[] DroppedElements =
    [
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "nav", "header", "footer",
        "aside", "form", "button", "input", "select", "textarea", "label", "figcaption", "dialog", "menu",
    ];

    private static readonly string[] DroppedRoles = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert", "menu"];

    // class/id words of page chrome, matched as whole words of the attribute ("share-bar", "related_stories").
    private static readonly HashSet<string> ChromeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "sharing", "social", "related", "recommended", "comment", "comments", "newsletter", "subscribe", "promo",
        "advert", "advertisement", "ad", "ads", "sponsored", "breadcrumb", "breadcrumbs", "navbar", "menu", "sidebar",
        "footer", "cookie", "cookies", "popup", "modal", "tags", "trending", "popular", "outbrain", "taboola", "byline", "caption", "credit",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "table", "tr", "td", "th", "figure", "hr",
    };

    // A block whose text is more than this share link text lists other pages (related stories, tags, "read more").
    private const double MaxLinkShare = 0.5;

    /// <summary>The page's metadata and its article text, one block per line with blank lines between.</summary>
    public static (ArticleMetadata Metadata, string Text) Extract(string html, Uri? pageUrl)
    {
        var document = new HtmlParser().ParseDocument(html);
        var metadata = HtmlMetadataReader.Read(document, pageUrl);
        if (document.Body is null) return (metadata, string.Empty);
        RemoveChrome(document);
        var root = ArticleRoot(document.Body);
        var blocks = new List<string>();
        var line = new StringBuilder();
        Collect(root, line, blocks);
        Flush(line, blocks);
        return (metadata, string.Join("\n\n", blocks));
    }

    private static void RemoveChrome(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll(string.Join(',', DroppedElements)).ToList()) element.Remove();
        foreach (var element in document.QuerySelectorAll("[role], [hidden], [aria-hidden='true'], [class], [id]").ToList())
        {
            if (element.Parent is null || element is { LocalName: "body" or "html" }) continue;
            var role = element.GetAttribute("role");
            var chrome = (role is not null && DroppedRoles.Contains(role, StringComparer.OrdinalIgnoreCase))
                || element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true"
                || HasChromeWord(element.GetAttribute("class")) || HasChromeWord(element.GetAttribute("id"));
            // A wrapper named for its layout ("content with-sidebar") can hold the article itself: keep it.
            if (chrome && element.QuerySelector("article, main, [itemprop='articleBody']") is null && element.LocalName != "article") element.Remove();
        }
    }

    private static bool HasChromeWord(string? value) =>
        value is not null && value.Split([' ', '-', '_', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).Any(ChromeWords.Contains);

    private static IElement ArticleRoot(IElement body)
    {
        if (body.QuerySelector("[itemprop='articleBody']") is { } marked && ParagraphText(marked) > 0) return marked;
        var article = body.QuerySelectorAll("article").MaxBy(ParagraphText);
        if (article is not null && ParagraphText(article) > 0) return article;
        if (body.QuerySelector("main, [role='main']") is { } main && ParagraphText(main) > 0) return main;

        // No semantic markup: the element whose own paragraphs hold the most text (each paragraph counts for its
        // parent in full and its grandparent by half, as in Readability).
        var scores = new Dictionary<IElement, double>();
        foreach (var p in body.QuerySelectorAll("p"))
        {
            var length = p.TextContent.Trim().Length;
            if (p.ParentElement is { } parent) scores[parent] = scores.GetValueOrDefault(parent) + length;
            if (p.ParentElement?.ParentElement is { } grand) scores[grand] = scores.GetValueOrDefault(grand) + (length / 2.0);
        }

        return scores.Count == 0 ? body : scores.MaxBy(s => s.Value).Key;
    }

    private static int ParagraphText(IElement element) => element.QuerySelectorAll("p").Sum(p => p.TextContent.Trim().Length);

    private static void Collect(INode node, StringBuilder line, List<string> blocks)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    AppendCollapsed(line, text.Data);
                    break;
                case IElement { LocalName: "br" }:
                    Flush(line, blocks);
                    break;
                case IElement { LocalName: "h1" }:
                    break; // the title, which the metadata carries
                case IElement element when BlockElements.Contains(element.LocalName):
                    Flush(line, blocks);
                    if (!MostlyLinks(element)) Collect(element, line, blocks);
                    Flush(line, blocks);
                    break;
                case IElement element:
                    Collect(element, line, blocks);
                    break;
            }
        }
    }

    private static bool MostlyLinks(IElement element)
    {
        var total = element.TextContent.Trim().Length;
        if (total == 0) return false;
        var links = element.QuerySelectorAll("a").Sum(a => a.TextContent.Trim().Length);
        return links > total * MaxLinkShare;
    }

    private static void AppendCollapsed(StringBuilder line, string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (line.Length > 0 && line[^1] != ' ') line.Append(' ');
            }
            else
            {
                line.Append(c);
            }
        }
    }

    private static void Flush(StringBuilder line, List<string> blocks)
    {
        var text = line.ToString().Trim();
        if (text.Length > 0) blocks.Add(text);
        line.Clear();
    }
}
