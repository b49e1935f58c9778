using AngleSharp.Dom;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// What a news page's body is made of, read in two walks of its tree (iterative, each element visited a fixed number
/// of times, the tree left as it is): which elements are page chrome (navigation, headers, footers, sidebars, forms,
/// share bars, related-story lists, captions, hidden elements), and, outside them, the candidates for the article
/// (its schema.org articleBody, its article elements, its main element, its paragraphs) and how much text each element
/// holds, in all, inside links and inside paragraphs. Removing the chrome from the tree instead cost a search of its
/// parent's children for each element removed, quadratic on a page of 50,000 caption-marked paragraphs.
/// </summary>
internal sealed class PageLayout
{
    private static readonly HashSet<string> DroppedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "nav", "header", "footer",
        "aside", "form", "button", "input", "select", "textarea", "label", "figcaption", "dialog", "menu",
    };

    private static readonly string[] DroppedRoles = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert", "menu"];

    // class/id words of page chrome, matched as whole words of the attribute ("share-bar", "related_stories").
    private static readonly HashSet<string> ChromeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "sharing", "social", "related", "recommended", "comment", "comments", "newsletter", "subscribe", "promo",
        "advert", "advertisement", "ad", "ads", "sponsored", "breadcrumb", "breadcrumbs", "navbar", "menu", "sidebar",
        "footer", "cookie", "cookies", "popup", "modal", "tags", "trending", "popular", "outbrain", "taboola", "byline", "caption", "credit",
    };

    private readonly HashSet<IElement> _chrome = [];
    private readonly Dictionary<IElement, (int All, int InLinks, int InParagraphs)> _lengths = [];

    private PageLayout()
    {
    }

    /// <summary>The first element marked as the schema.org articleBody.</summary>
    public IElement? ArticleBody { get; private set; }

    public List<IElement> Articles { get; } = [];

    /// <summary>The first main element (or role="main").</summary>
    public IElement? Main { get; private set; }

    public List<IElement> Paragraphs { get; } = [];

    public static PageLayout Read(IElement body)
    {
        var layout = new PageLayout();
        // A wrapper named for its layout ("content with-sidebar") can hold the article itself: it is kept.
        var holdsArticle = AncestorsOf(Descendants(body, e => DroppedElements.Contains(e.LocalName)).Where(IsArticleMarker));
        var pending = new Stack<(IElement Element, bool Leaving)>();
        pending.Push((body, false));
        while (pending.TryPop(out var step))
        {
            var element = step.Element;
            if (step.Leaving)
            {
                layout.Measure(element);
                continue;
            }

            if (element != body)
            {
                if (IsChrome(element, holdsArticle))
                {
                    layout._chrome.Add(element);
                    continue;
                }

                layout.Note(element);
            }

            pending.Push((element, true));
            PushChildren(pending, element);
        }

        return layout;
    }

    /// <summary>Whether the element is page chrome, left out with all it holds.</summary>
    public bool IsChrome(IElement element) => _chrome.Contains(element);

    /// <summary>The text of <paramref name="element"/> outside chrome (zero for chrome and for elements outside the body).</summary>
    public int TextOf(IElement element) => _lengths.GetValueOrDefault(element).All;

    /// <summary>The text of the paragraphs within <paramref name="element"/>.</summary>
    public int ParagraphTextOf(IElement element) => _lengths.GetValueOrDefault(element).InParagraphs;

    /// <summary>Whether more than <paramref name="maxShare"/> of the element's text is link text (a list of other stories).</summary>
    public bool MostlyLinks(IElement element, double maxShare)
    {
        var (all, inLinks, _) = _lengths.GetValueOrDefault(element);
        return all > 0 && inLinks > all * maxShare;
    }

    private static bool IsChrome(IElement element, HashSet<IElement> holdsArticle)
    {
        if (DroppedElements.Contains(element.LocalName)) return true;
        var role = element.GetAttribute("role");
        var chrome = (role is not null && DroppedRoles.Contains(role, StringComparer.OrdinalIgnoreCase))
            || element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true"
            || HasChromeWord(element.GetAttribute("class")) || HasChromeWord(element.GetAttribute("id"));
        return chrome && !holdsArticle.Contains(element) && element.LocalName != "article";
    }

    private static bool HasChromeWord(string? value) =>
        value is not null && value.Split([' ', '-', '_', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).Any(ChromeWords.Contains);

    private static bool IsArticleMarker(IElement element) =>
        element.LocalName is "article" or "main" || element.GetAttribute("itemprop") == "articleBody";

    private void Note(IElement element)
    {
        if (element.GetAttribute("itemprop") == "articleBody") ArticleBody ??= element;
        if (element.LocalName == "main" || element.GetAttribute("role") == "main") Main ??= element;
        if (element.LocalName == "article") Articles.Add(element);
        if (element.LocalName == "p") Paragraphs.Add(element);
    }

    // Once all its children are measured: their sums, and its own text nodes, counted in characters other than white space.
    private void Measure(IElement element)
    {
        int all = 0, inLinks = 0, inParagraphs = 0;
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text) all += Visible(text.Data);
            else if (child is IElement inner && _lengths.TryGetValue(inner, out var below))
            {
                all += below.All;
                inLinks += below.InLinks;
                inParagraphs += below.InParagraphs;
            }
        }

        if (element.LocalName == "a") inLinks = all;
        if (element.LocalName == "p") inParagraphs = all;
        _lengths[element] = (all, inLinks, inParagraphs);
    }

    // The elements below root in document order, not entering those that skip says to pass over.
    private static IEnumerable<IElement> Descendants(IElement root, Func<IElement, bool> skip)
    {
        var pending = new Stack<(IElement Element, bool Leaving)>();
        PushChildren(pending, root);
        while (pending.TryPop(out var step))
        {
            if (skip(step.Element)) continue;
            yield return step.Element;
            PushChildren(pending, step.Element);
        }
    }

    // Every element with one of these below it; each ancestor is visited once, however many such elements it holds.
    private static HashSet<IElement> AncestorsOf(IEnumerable<IElement> elements)
    {
        var ancestors = new HashSet<IElement>();
        foreach (var element in elements)
        {
            for (var parent = element.ParentElement; parent is not null && ancestors.Add(parent); parent = parent.ParentElement)
            {
            }
        }

        return ancestors;
    }

    // By index: AngleSharp finds a node's sibling by searching its parent's children, which made a walk by siblings quadratic.
    private static void PushChildren(Stack<(IElement, bool)> pending, IElement element)
    {
        var children = element.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            if (children[i] is IElement child) pending.Push((child, false));
        }
    }

    private static int Visible(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c)) count++;
        }

        return count;
    }
}
