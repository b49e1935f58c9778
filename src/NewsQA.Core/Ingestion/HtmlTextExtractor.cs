using System.Net;
using System.Text.RegularExpressions;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// Extracts an article's title and body text from HTML: scripts, styles, navigation, headers, footers, asides and
/// forms (comment forms) are dropped, and so are figures, their captions and any element a site marks as a caption
/// (images' alt text never becomes text); block elements become line breaks; entities are decoded.
/// </summary>
public static partial class HtmlTextExtractor
{
    /// <summary>The page's title (its h1, else its title element) and its body as lines of text.</summary>
    public static (string? Title, string Text) Extract(string html)
    {
        var title = FirstText(H1Pattern(), html) ?? FirstText(TitlePattern(), html);
        var body = DroppedElementPattern().Replace(html, " ");
        body = CaptionElementPattern().Replace(body, " ");
        body = CommentPattern().Replace(body, " ");
        body = HeadPattern().Replace(body, " ");
        body = BlockTagPattern().Replace(body, "\n\n");
        body = TagPattern().Replace(body, string.Empty);
        body = WebUtility.HtmlDecode(body);
        body = SpaceRunPattern().Replace(body, " ");
        return (title, body);
    }

    private static string? FirstText(Regex pattern, string html)
    {
        var match = pattern.Match(html);
        if (!match.Success) return null;
        var text = WebUtility.HtmlDecode(TagPattern().Replace(match.Groups[1].Value, string.Empty)).Trim();
        return text.Length > 0 ? SpaceRunPattern().Replace(text, " ") : null;
    }

    [GeneratedRegex(@"<(script|style|nav|header|footer|aside|form|noscript|iframe|svg|template|figure|figcaption|picture)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex DroppedElementPattern();

    // WordPress's wp-caption-text, "image-caption", "photo-credit" and the like: a caption outside a figure element.
    [GeneratedRegex(@"<(p|div|span|small|em|cite)\b[^>]*\b(?:class|id)\s*=\s*[""'][^""']*(?:caption|credit)[^""']*[""'][^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex CaptionElementPattern();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"<head\b[^>]*>.*?</head\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HeadPattern();

    [GeneratedRegex(@"</?(p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|blockquote|figcaption|figure|main)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTagPattern();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex SpaceRunPattern();

    [GeneratedRegex(@"<h1\b[^>]*>(.*?)</h1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex H1Pattern();

    [GeneratedRegex(@"<title\b[^>]*>(.*?)</title\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitlePattern();
}
