using System.Globalization;
using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.CrossLingual;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.ShortAnswers;

/// <summary>
/// Writes a short answer found in an Arabic sentence for an English reader: numbers in Western digits (number words
/// too) with their counted noun translated, dates with English month names (both the Levantine كانون الثاني and the
/// Egyptian يناير series), names of people, places and organizations romanized (<see cref="ArabicRomanizer"/>). A span
/// of no kind stays in Arabic: word-by-word romanization of a phrase would be gibberish.
/// </summary>
public static class ShortAnswerRenderer
{
    private static readonly Dictionary<string, string> TimeModifiers = new(StringComparer.Ordinal)
    {
        ["الماضي"] = "last", ["الماضيه"] = "last", ["المنصرم"] = "last", ["المقبل"] = "next", ["المقبله"] = "next", ["القادم"] = "next",
        ["الجاري"] = "this", ["الحالي"] = "this", ["منتصف"] = "mid-", ["مطلع"] = "early", ["اوائل"] = "early", ["اواخر"] = "late",
        ["نهايه"] = "the end of", ["بدايه"] = "the beginning of", ["امس"] = "yesterday", ["اليوم"] = "today", ["غدا"] = "tomorrow",
    };

    /// <summary>The text an English reader sees, and whether it is a transliteration; the Arabic as it is when it cannot be written for them.</summary>
    public static (string Text, bool Transliterated) ForEnglishReader(string original, SpanKind? kind, BilingualLexicon? lexicon)
    {
        var tokens = Tokenizer.Tokenize(original);
        if (!original.Any(ArabicNormalizer.IsArabicLetter) && kind is not (SpanKind.Number or SpanKind.Time)) return (WesternDigits(original), false);
        return kind switch
        {
            SpanKind.Time => (Date(tokens), false),
            SpanKind.Number => (Number(tokens, lexicon), false),
            SpanKind.Person or SpanKind.Place or SpanKind.Organization => (ArabicRomanizer.Romanize(original), true),
            _ => (original, false),
        };
    }

    // "31 كانون الأول/ ديسمبر الجاري" → "31 December", "منتصف نوفمبر الماضي" → "mid-November", "يوليو/تموز الماضي" →
    // "last July", "العام 2018" → "2018".
    private static string Date(IReadOnlyList<Token> tokens)
    {
        var parts = new List<string>();
        string? before = null, relative = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Normalized;
            if (TypedSpanFinder.MonthAt(tokens, i) is { } month)
            {
                var name = SpanWords.EnglishMonths[month.Month - 1];
                if (!parts.Contains(name, StringComparer.Ordinal)) parts.Add(name);
                i += month.Tokens - 1;
            }
            else if (word.All(char.IsAsciiDigit))
            {
                parts.Add(word);
            }
            else if (SpanWords.Weekdays.Contains(TypedSpanFinder.Bare(word)))
            {
                parts.Add(CultureInfo.InvariantCulture.DateTimeFormat.DayNames[WeekdayIndex(TypedSpanFinder.Bare(word))]);
            }
            else if (TimeModifiers.TryGetValue(word, out var modifier))
            {
                if (modifier is "last" or "next" or "this") relative = modifier;
                else if (modifier is "yesterday" or "today" or "tomorrow") parts.Add(modifier);
                else before = modifier;
            }
        }

        var text = string.Join(' ', parts);
        if (relative is not null && before is null && !parts.Any(p => p.All(char.IsAsciiDigit))) text = $"{relative} {text}";
        if (before is not null) text = before.EndsWith('-') ? before + text : $"{before} {text}";
        return text.Trim();
    }

    private static int WeekdayIndex(string arabic) => arabic switch
    {
        "الاحد" => 0, "الاثنين" => 1, "الثلاثاء" => 2, "الاربعاء" => 3, "الخميس" => 4, "الجمعه" => 5, _ => 6,
    };

    // "4000 فرد" → "4,000 individuals"-style: the digits grouped, the counted noun by its first dictionary sense.
    private static string Number(IReadOnlyList<Token> tokens, BilingualLexicon? lexicon)
    {
        var parts = new List<string>();
        var digits = string.Empty;
        foreach (var token in tokens)
        {
            var word = token.Normalized;
            if (word.All(char.IsAsciiDigit))
            {
                digits += word; // "4,000" arrives as two tokens
                continue;
            }

            if (digits.Length > 0) parts.Add(Grouped(digits));
            digits = string.Empty;
            if (NumberWords.Value(word) is { } value) parts.Add(value.ToString(CultureInfo.InvariantCulture));
            else if (token.IsArabic && lexicon?.ToEnglish(word).FirstOrDefault() is { } english) parts.Add(english);
        }

        if (digits.Length > 0) parts.Add(Grouped(digits));
        return string.Join(' ', parts);
    }

    private static string Grouped(string digits) =>
        digits.Length > 4 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n.ToString("N0", CultureInfo.InvariantCulture) : digits;

    private static string WesternDigits(string text) =>
        string.Concat(text.Select(c => c is >= '\u0660' and <= '\u0669' ? (char)('0' + (c - '\u0660')) : c is >= '\u06F0' and <= '\u06F9' ? (char)('0' + (c - '\u06F0')) : c));
}
