using System.Text.RegularExpressions;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// Removes the web-page chrome that copied news articles carry: tracking-script residue ("Web", "Analytics"),
/// breadcrumbs and site slogans above them, comment forms and everything after them (popular-stories sidebars,
/// latest comments), photo captions in any language (printed twice by many sites) with the image lines and alt text
/// around them, a trailing "Top" link, and the source credit, which it keeps as metadata.
/// </summary>
public static partial class BoilerplateCleaner
{
    private static readonly HashSet<string> ChromeLines = new(StringComparer.OrdinalIgnoreCase)
    {
        "Web", "Analytics", "Top", "Share", "Print", "طباعة", "شارك", "مشاركة",
    };

    // A page's article ends where its comment form or its "most popular" sidebar starts.
    private static readonly string[] EndOfArticleMarkers =
    [
        "ترك الرد", "اترك تعليقك", "اترك ردا", "اترك رداً", "من فضلك ادخل تعليقك", "أضف تعليقك", "اضف تعليقك",
        "تغيير رمز التحقق", "الأكثر شعبية", "الأكثر قراءة", "احدث التعليقات", "أحدث التعليقات", "اقرأ أيضا", "اقرأ أيضاً",
        "Leave a Reply", "Leave a comment", "Most popular", "Most read", "Related articles",
    ];

    /// <summary>The article lines with chrome removed, and the source credit if one was found.</summary>
    public static (List<string> Lines, string? Source) Clean(IReadOnlyList<string> lines)
    {
        string? source = null;
        var kept = new List<string>(lines.Count);
        var captions = CaptionLines(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (IsEndOfArticle(line)) break;
            if (captions[i]) continue;
            if (ChromeLines.Contains(line)) continue;

            var credit = MatchSource(line);
            if (credit is not null)
            {
                source ??= credit;
                continue;
            }

            kept.Add(line);
        }

        DropHeaderBeforeBreadcrumb(kept);
        DropRepeatedLines(kept);
        return (kept, source);
    }

    private static bool IsEndOfArticle(string line) =>
        line.Length <= 40 && EndOfArticleMarkers.Any(m => line.StartsWith(m, StringComparison.OrdinalIgnoreCase));

    private static string? MatchSource(string line)
    {
        var match = SourcePattern().Match(line);
        return match.Success ? match.Groups["source"].Value.Trim() : null;
    }

    // A photo caption is a short line that ends in a credit in brackets, "(الجزيرة)", "(رويترز)", "(AP)", with no
    // sentence punctuation before it: body paragraphs end in a full stop.
    private static bool IsCaption(string line) => line.Length <= MaxCaptionLength && CaptionPattern().IsMatch(line);

    private const int MaxCaptionLength = 250;

    // A photo's other lines sit in the same block as its credited caption or its image, with no blank line between:
    // the description above the credit (often in the wire's language: the English caption over the Arabic one), the
    // alt text, the caption printed under an image. A body paragraph ends its sentence; these lines do not.
    private const int MaxCompanionLines = 2;

    private static bool[] CaptionLines(IReadOnlyList<string> lines)
    {
        var caption = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            var image = ImageLinePattern().IsMatch(line);
            if (!image && !IsCaption(line)) continue;
            caption[i] = true;
            MarkCompanions(lines, caption, i, -1);
            if (image) MarkCompanions(lines, caption, i, +1); // a credit ends its caption; an image's caption follows it
        }

        return caption;
    }

    private static void MarkCompanions(IReadOnlyList<string> lines, bool[] caption, int at, int step)
    {
        for (var j = at + step; j >= 0 && j < lines.Count && Math.Abs(j - at) <= MaxCompanionLines; j += step)
        {
            var line = lines[j].Trim();
            if (line.Length == 0 || line.Length > MaxCaptionLength || ArticleParser.EndsSentence(line) || ChromeLines.Contains(line)) return;
            caption[j] = true;
        }
    }

    // News sites print "الرئيسية › section › title" above the article; the lines above it are the site's banner.
    private static void DropHeaderBeforeBreadcrumb(List<string> lines)
    {
        var limit = Math.Min(lines.Count, 8);
        for (var i = 0; i < limit; i++)
        {
            if (!BreadcrumbPattern().IsMatch(lines[i])) continue;
            var crumb = lines[i];
            lines.RemoveRange(0, i + 1);
            // The breadcrumb ends with the title; keep a title line only once.
            var titleAt = lines.FindIndex(l => l.Length > 0);
            if (titleAt < 0 || !crumb.EndsWith(lines[titleAt], StringComparison.Ordinal))
            {
                var title = BreadcrumbPattern().Replace(crumb, string.Empty).Trim();
                if (title.Length > 0) lines.Insert(0, title);
            }

            return;
        }
    }

    // Drops any line that repeats a line already seen (a title printed twice, a caption printed twice), keeping blanks.
    private static void DropRepeatedLines(List<string> lines)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        lines.RemoveAll(l => l.Length > 0 && l.Length <= 300 && !seen.Add(l));
    }

    [GeneratedRegex(@"^\s*[•\-\*]?\s*(?:المصدر\s*[:：]|Source\s*:|عن\s+(?:موقع|صحيفة|مجلة|وكالة)\s)\s*(?<source>.{1,80})$", RegexOptions.IgnoreCase)]
    private static partial Regex SourcePattern();

    [GeneratedRegex(@"[^.!?؟]\s*\([^()]{2,30}\)\s*$")]
    private static partial Regex CaptionPattern();

    // A line that is only an image: Markdown's ![alt](src), or a bare image file or URL.
    [GeneratedRegex(@"^(?:!\[[^\]]*\]\([^)]*\)\s*)+$|^\S+\.(?:jpe?g|png|gif|webp|avif)(?:\?\S*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ImageLinePattern();

    [GeneratedRegex(@"^(?:الرئيسية|Home)\s+(?:[›»>/|]\s*)?\S+\s+(?:[›»>/|]\s*)?", RegexOptions.IgnoreCase)]
    private static partial Regex BreadcrumbPattern();
}
