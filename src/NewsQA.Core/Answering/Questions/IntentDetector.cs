using System.Text.RegularExpressions;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Questions;

/// <summary>
/// Recognizes summary requests ("لخص", "ملخص", "أبرز النقاط", "ما أهم ما جاء في", "summarize", "key points", "what is
/// the article about"), requests for what is new ("what's new about", "ما الجديد", "آخر المستجدات") and source commands
/// ("show 2", "المصدر 2") in either language.
/// </summary>
public static partial class IntentDetector
{
    // Normalized spellings (أ → ا, ة → ه), matched against the normalized, lower-cased question.
    private static readonly string[] SummaryCues =
    [
        "لخص", "ملخص", "تلخيص", "لخصي", "ابرز النقاط", "اهم النقاط", "اهم ما جاء", "ابرز ما جاء", "ما اهم ما", "عن ماذا يتحدث",
        "عم يتحدث", "عما يتحدث", "ما موضوع", "باختصار", "summarize", "summarise", "summary", "key points", "main points",
        "highlights", "what is the article about", "what's the article about", "what are the articles about",
        "what is this article about", "overview", "tl;dr", "tldr", "in brief",
    ];

    // "What's new about X" asks for the developments over time, not one fact: a dated timeline. Checked before the
    // summary cues, so "summarize the latest developments" is a timeline too.
    private static readonly string[] TimelineCues =
    [
        "what's new", "what’s new", "whats new", "what is new", "the latest on", "the latest about", "latest news",
        "latest developments", "latest updates", "recent developments", "timeline", "ما الجديد", "ما جديد", "مستجدات",
        "اخر التطورات", "احدث التطورات", "اخر الاخبار", "اخر اخبار", "احدث الاخبار", "تسلسل زمني", "الخط الزمني",
    ];

    /// <summary>The intent of a message, and for a source command the marker number.</summary>
    public static (QuestionIntent Intent, int Marker) Detect(string message)
    {
        var normalized = ArabicNormalizer.Normalize(message.Trim()).ToLowerInvariant();
        var source = SourceCommandPattern().Match(normalized);
        if (source.Success) return (QuestionIntent.ShowSource, int.Parse(source.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
        if (TimelineCues.Any(c => normalized.Contains(c, StringComparison.Ordinal))) return (QuestionIntent.Timeline, 0);
        return SummaryCues.Any(c => normalized.Contains(c, StringComparison.Ordinal)) ? (QuestionIntent.Summary, 0) : (QuestionIntent.Factoid, 0);
    }

    /// <summary>Removes summary cue phrases, leaving the words that name the target ("لخص المقال عن الانسحاب" → "المقال عن الانسحاب").</summary>
    public static string StripSummaryCues(string message)
    {
        var normalized = ArabicNormalizer.Normalize(message).ToLowerInvariant();
        foreach (var cue in SummaryCues.OrderByDescending(c => c.Length)) normalized = normalized.Replace(cue, " ", StringComparison.Ordinal);
        return normalized.Trim();
    }

    [GeneratedRegex(@"^(?:show|open|source|cite|citation|المصدر|مصدر|اعرض|اظهر|افتح)\s*(?:source|المصدر)?\s*(?:رقم|number|no\.?|#)?\s*\[?\s*(?<n>\d{1,3})\s*\]?\s*[.!؟?]?$")]
    private static partial Regex SourceCommandPattern();
}
