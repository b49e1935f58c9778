using System.Text;
using AngleSharp.Dom;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// Extracts an article's title and body text from an HTML file of the corpus: scripts, styles, navigation, headers,
/// footers, asides and forms (comment forms) are dropped, and so are figures, their captions and any element a site
/// marks as a caption (images' alt text never becomes text); block elements become line breaks. It walks the parsed
/// document once, without recursion, so its work is linear in the page (the regular expressions it replaces took
/// minutes over 40,000 unclosed script tags).
/// </summary>
public static class HtmlTextExtractor
{
    private static readonly HashSet<string> DroppedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "svg", "template", "figure",
        "figcaption", "picture", "head", "title",
    };

    // WordPress's wp-caption-text, "image-caption", "photo-credit" and the like: a caption outside a figure element.
    private static readonly HashSet<string> CaptionHolders = new(StringComparer.OrdinalIgnoreCase) { "p", "div", "span", "small", "em", "cite" };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section", "article",
        "blockquote", "main",
    };

    /// <summary>The page's title (its h1, else its title element) and its body as lines of text.</summary>
    public static (string? Title, string Text) Extract(string html, CancellationToken cancellationToken = default) =>
        Extract(BoundedHtmlParser.Parse(html, cancellationToken));

    /// <summary>The same, from a document already parsed (see <see cref="BoundedHtmlParser"/>).</summary>
    public static (string? Title, string Text) Extract(IDocument document)
    {
        var title = Collapse(document.QuerySelector("h1")?.TextContent) ?? Collapse(document.QuerySelector("title")?.TextContent);
        var text = new StringBuilder();
        var pending = new Stack<(INode Node, bool Leaving)>();
        if (document.DocumentElement is { } root) pending.Push((root, false));
        while (pending.TryPop(out var step))
        {
            switch (step.Node)
            {
                case IText node when !step.Leaving:
                    AppendSpaced(text, node.Data);
                    break;
                case IElement when step.Leaving:
                    text.Append("\n\n");
                    break;
                case IElement element when !Dropped(element):
                    var block = BlockElements.Contains(element.LocalName);
                    if (block)
                    {
                        text.Append("\n\n");
                        pending.Push((element, true));
                    }

                    // By index: AngleSharp finds a node's sibling by searching its parent's children.
                    var children = element.ChildNodes;
                    for (var i = children.Length - 1; i >= 0; i--) pending.Push((children[i], false));
                    break;
            }
        }

        return (title, text.ToString());
    }

    private static bool Dropped(IElement element) =>
        DroppedElements.Contains(element.LocalName)
        || (CaptionHolders.Contains(element.LocalName) && (MarksCaption(element.GetAttribute("class")) || MarksCaption(element.GetAttribute("id"))));

    private static bool MarksCaption(string? value) =>
        value is not null && (value.Contains("caption", StringComparison.OrdinalIgnoreCase) || value.Contains("credit", StringComparison.OrdinalIgnoreCase));

    // Runs of spaces, tabs and no-break spaces become one space; line breaks stay, for the parser's lines.
    private static void AppendSpaced(StringBuilder text, string data)
    {
        foreach (var c in data)
        {
            if (c is ' ' or '\t' or '\u00A0')
            {
                if (text.Length == 0 || text[^1] != ' ') text.Append(' ');
            }
            else
            {
                text.Append(c);
            }
        }
    }

    private static string? Collapse(string? text)
    {
        if (text is null) return null;
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length > 0 ? collapsed : null;
    }
}
