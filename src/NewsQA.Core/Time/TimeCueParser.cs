using System.Text;
using System.Text.RegularExpressions;
using NewsQA.Core.Text;

namespace NewsQA.Core.Time;

/// <summary>
/// Finds the time a question asks about, in Arabic and English: the newest ("latest", "most recent", "آخر", "أحدث",
/// "مؤخرا"), a period ("in 2021", "عام 2021", "في يناير/كانون الثاني 2024", "last week", "الأسبوع الماضي"), a bound
/// ("since / after / before / until", "منذ / بعد / قبل / حتى" a date) or a span ("between 2019 and 2021", "بين عامي
/// 2019 و2021"). Relative periods count from today in the <see cref="TimeProvider"/>'s local time zone; weeks start
/// on Monday (ISO 8601). A bare month or year is a period only after a preposition or an Arabic "عام/سنة" ("the 2021
/// agreement" names a thing, not a time); a month without a year is its latest occurrence up to today.
/// Several cues narrow each other; cues that contradict leave the range open.
/// </summary>
public sealed class TimeCueParser(TimeProvider time)
{
    private static readonly Regex Spans = new(
        $@"(?<![\p{{L}}\p{{N}}])[وف]?(?:(?<between>between|بين)\s+(?:عامي\s+|سنتي\s+)?{TimeExpression.Pattern("a")}\s+(?:and\s+|و\s*)(?:عام\s+)?{TimeExpression.Pattern("b")}"
        + $@"|(?<bound>since|after|before|until|till|prior\s+to|منذ|بعد|قبل|حتي)\s+(?:the\s+)?(?:(?:start|beginning|end)\s+of\s+)?{TimeExpression.Pattern("a")}"
        + $@"|(?<prep>in|on|during|throughout|within|over|of|في|خلال|طوال|عن)\s+(?:the\s+)?(?:(?:month|year)\s+of\s+)?(?:شهر\s+)?{TimeExpression.Pattern("a")}"
        + $@"|{TimeExpression.Pattern("a")})(?![\p{{L}}\p{{N}}])",
        RegexOptions.CultureInvariant);

    private static readonly Regex SinceAgo = new(
        @"(?<![\p{L}\p{N}])[وف]?منذ\s+(?:(?<n>\d{1,3})\s+)?(?<unit>يومين|ايام|يوم|اسبوعين|اسابيع|اسبوع|شهرين|اشهر|شهور|شهر|عامين|اعوام|عام|سنتين|سنوات|سنه)(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant);

    private static readonly Regex Recent = new(
        @"(?<![\p{L}\p{N}])(?:(?:latest|recent)\s+(?:news|developments|updates)|[وف]?(?:ال)?مستجدات|(?:اخر|احدث)\s+(?:ال)?(?:اخبار|تطورات|مستجدات)|latest|most\s+recent(?:ly)?|newest|recent(?:ly)?|lately|up\s+to\s+date|what(?:'?s|\s+is)\s+new|[وف]?(?:الاحدث|احدث)|[وف]?موخرا|مؤخرا|حديثا|الاونه\s+الاخيره|الاخير|الاخيره|الجديد)(?![\p{L}\p{N}])"
        + @"|(?:^|(?<=(?:^|\s)(?:ما|ماذا|هو|هي|عن|في|من)\s+))اخر(?=\s+\p{L})",
        RegexOptions.CultureInvariant);

    /// <summary>The time constraint of <paramref name="question"/>; <see cref="TimeConstraint.None"/> when it names no time.</summary>
    public TimeConstraint Parse(string question)
    {
        if (string.IsNullOrWhiteSpace(question)) return TimeConstraint.None;
        var (text, map) = Normalize(question);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var periods = new TimeExpression(today, time.LocalTimeZone);
        var cues = new List<TimeCue>();
        DateTimeOffset? from = null, until = null;

        void Narrow(DateTimeOffset? start, DateTimeOffset? end)
        {
            if (start is not null) from = from is null || start > from ? start : from;
            if (end is not null) until = until is null || end < until ? end : until;
        }

        foreach (Match match in Spans.Matches(text))
        {
            var a = periods.Read(match, "a");
            if (a is null) continue; // a bare month or year without a preposition: not a time cue
            TimeCueKind kind;
            if (match.Groups["between"].Success)
            {
                var b = periods.Read(match, "b");
                if (b is null) continue;
                Narrow(a.Value.Start, b.Value.End);
                kind = TimeCueKind.Between;
            }
            else if (match.Groups["bound"].Success)
            {
                kind = Bound(match.Groups["bound"].Value);
                switch (kind)
                {
                    case TimeCueKind.Since: Narrow(a.Value.Start, null); break;
                    case TimeCueKind.After: Narrow(a.Value.End, null); break;
                    case TimeCueKind.Before: Narrow(null, a.Value.Start); break;
                    default: Narrow(null, a.Value.End); break;
                }
            }
            else
            {
                if (!a.Value.Standalone && !match.Groups["prep"].Success) continue;
                Narrow(a.Value.Start, a.Value.End);
                kind = TimeCueKind.Period;
            }

            cues.Add(Cue(match, map, kind));
        }

        foreach (Match match in SinceAgo.Matches(text))
        {
            if (Overlaps(cues, match, map)) continue;
            Narrow(periods.Ago(match.Groups["unit"].Value, match.Groups["n"].Value), null);
            cues.Add(Cue(match, map, TimeCueKind.Since));
        }

        var recent = false;
        foreach (Match match in Recent.Matches(text))
        {
            if (Overlaps(cues, match, map)) continue;
            recent = true;
            cues.Add(Cue(match, map, TimeCueKind.Recent));
        }

        if (from is not null && until is not null && from >= until) from = until = null;
        cues.Sort((x, y) => x.Start.CompareTo(y.Start));
        return cues.Count == 0 ? TimeConstraint.None : new TimeConstraint(from, until, recent, cues);
    }

    private static TimeCueKind Bound(string word) => word switch
    {
        "since" or "منذ" => TimeCueKind.Since,
        "after" or "بعد" => TimeCueKind.After,
        "until" or "till" or "حتي" => TimeCueKind.Until,
        _ => TimeCueKind.Before,
    };

    private static TimeCue Cue(Match match, int[] map, TimeCueKind kind)
    {
        var start = map[match.Index];
        var end = map[match.Index + match.Length - 1] + 1;
        return new TimeCue(start, end - start, kind);
    }

    private static bool Overlaps(List<TimeCue> cues, Match match, int[] map)
    {
        var start = map[match.Index];
        var end = map[match.Index + match.Length - 1] + 1;
        return cues.Any(c => start < c.Start + c.Length && c.Start < end);
    }

    // Lower case and Arabic-normalized, with each character's position in the question (diacritics and tatweel drop out).
    private static (string Text, int[] Map) Normalize(string question)
    {
        var text = new StringBuilder(question.Length);
        var map = new List<int>(question.Length);
        for (var i = 0; i < question.Length; i++)
        {
            var c = ArabicNormalizer.NormalizeChar(char.ToLowerInvariant(question[i]));
            if (c == '\0') continue;
            text.Append(c == '’' ? '\'' : c);
            map.Add(i);
        }

        return (text.ToString(), map.ToArray());
    }
}
