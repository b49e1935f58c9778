using System.Text;
using AngleSharp.Dom;

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
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "table", "tr", "td", "th", "figure", "hr",
    };

    // A block whose text is more than this share link text lists other pages (related stories, tags, "read more").
    private const double MaxLinkShare = 0.5;

    /// <summary>
    /// The page's metadata and its article text, one block per line with blank lines between. The page is parsed once
    /// (<see cref="BoundedHtmlParser"/>: too deep a page is an <see cref="ArticleFormatException"/>, and
    /// <paramref name="cancellationToken"/> is the fetch's time budget); every later step walks the tree iteratively,
    /// each node a fixed number of times. Metadata that could not be used is reported in <paramref name="problems"/>.
    /// </summary>
    public static (ArticleMetadata Metadata, string Text) Extract(string html, Uri? pageUrl, ICollection<string>? problems = null, CancellationToken cancellationToken = default)
    {
        var document = BoundedHtmlParser.Parse(html, cancellationToken);
        var metadata = HtmlMetadataReader.Read(document, pageUrl, problems);
        if (document.Body is null) return (metadata, string.Empty);
        var layout = PageLayout.Read(document.Body);
        cancellationToken.ThrowIfCancellationRequested();
        var root = ArticleRoot(document.Body, layout);
        var blocks = new List<string>();
        var line = new StringBuilder();
        Collect(root, layout, line, blocks);
        Flush(line, blocks);
        return (metadata, string.Join("\n\n", blocks));
    }

    private static IElement ArticleRoot(IElement body, PageLayout layout)
    {
        if (layout.ArticleBody is { } marked && layout.ParagraphTextOf(marked) > 0) return marked;
        var article = layout.Articles.MaxBy(layout.ParagraphTextOf);
        if (article is not null && layout.ParagraphTextOf(article) > 0) return article;
        if (layout.Main is { } main && layout.ParagraphTextOf(main) > 0) return main;

        // No semantic markup: the element whose own paragraphs hold the most text (each paragraph counts for its
        // parent in full and its grandparent by half, as in Readability).
        var scores = new Dictionary<IElement, double>();
        foreach (var p in layout.Paragraphs)
        {
            var length = layout.TextOf(p);
            if (p.ParentElement is { } parent) scores[parent] = scores.GetValueOrDefault(parent) + length;
            if (p.ParentElement?.ParentElement is { } grand) scores[grand] = scores.GetValueOrDefault(grand) + (length / 2.0);
        }

        return scores.Count == 0 ? body : scores.MaxBy(s => s.Value).Key;
    }

    // Depth first, in document order, with a stack of its own rather than the call stack.
    private static void Collect(IElement root, PageLayout layout, StringBuilder line, List<string> blocks)
    {
        var pending = new Stack<(INode Node, bool Leaving)>();
        PushChildren(pending, root);
        while (pending.TryPop(out var step))
        {
            switch (step.Node)
            {
                case IText node:
                    AppendCollapsed(line, node.Data);
                    break;
                case IElement when step.Leaving:
                    Flush(line, blocks);
                    break;
                case IElement element when layout.IsChrome(element):
                    break;
                case IElement { LocalName: "br" }:
                    Flush(line, blocks);
                    break;
                case IElement { LocalName: "h1" }:
                    break; // the title, which the metadata carries
                case IElement element when BlockElements.Contains(element.LocalName):
                    Flush(line, blocks);
                    pending.Push((element, true));
                    if (!layout.MostlyLinks(element, MaxLinkShare)) PushChildren(pending, element);
                    break;
                case IElement element:
                    PushChildren(pending, element);
                    break;
            }
        }
    }

    // By index: AngleSharp finds a node's sibling by searching its parent's children, which made a walk by siblings quadratic.
    private static void PushChildren(Stack<(INode, bool)> pending, INode node)
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--) pending.Push((children[i], false));
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
