using NewsQA.Core.Text;

namespace NewsQA.Core.CrossLingual;

/// <summary>
/// Numbers written as words in English and Arabic, and as digits: "three", "ثلاثة" and "3" meet. Small numbers, tens
/// and round powers of ten, the forms news prose spells out.
/// </summary>
public static class NumberWords
{
    private static readonly (int Value, string English, string[] Arabic)[] Numbers =
    [
        (1, "one", ["واحد", "واحدة"]), (2, "two", ["اثنان", "اثنين", "اثنتان"]), (3, "three", ["ثلاث", "ثلاثة"]),
        (4, "four", ["أربع", "أربعة"]), (5, "five", ["خمس", "خمسة"]), (6, "six", ["ست", "ستة"]), (7, "seven", ["سبع", "سبعة"]),
        (8, "eight", ["ثماني", "ثمانية", "ثمان"]), (9, "nine", ["تسع", "تسعة"]), (10, "ten", ["عشر", "عشرة"]),
        (11, "eleven", ["أحد عشر"]), (12, "twelve", ["اثنا عشر", "اثني عشر"]), (20, "twenty", ["عشرون", "عشرين"]),
        (30, "thirty", ["ثلاثون", "ثلاثين"]), (40, "forty", ["أربعون", "أربعين"]), (50, "fifty", ["خمسون", "خمسين"]),
        (60, "sixty", ["ستون", "ستين"]), (70, "seventy", ["سبعون", "سبعين"]), (80, "eighty", ["ثمانون", "ثمانين"]),
        (90, "ninety", ["تسعون", "تسعين"]), (100, "hundred", ["مئة", "مائة"]), (1000, "thousand", ["ألف"]),
        (1_000_000, "million", ["مليون"]),
    ];

    // "one" is left out: in questions it is far more often a pronoun ("which one", "one of the") than a count.
    private static readonly Dictionary<string, int> ByEnglish = Numbers.Where(n => n.Value != 1).ToDictionary(n => n.English, n => n.Value, StringComparer.Ordinal);

    private static readonly Dictionary<string, int> ByArabic = Numbers
        .SelectMany(n => n.Arabic.Where(a => !a.Contains(' ', StringComparison.Ordinal)).Select(a => (Key: ArabicNormalizer.Normalize(a), n.Value)))
        .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    private static readonly Dictionary<int, (string English, string[] Arabic)> ByValue = Numbers.ToDictionary(n => n.Value, n => (n.English, n.Arabic));

    /// <summary>The value of an English number word, a normalized Arabic one, or digits.</summary>
    public static int? Value(string word) =>
        ByEnglish.TryGetValue(word, out var e) ? e
        : ByArabic.TryGetValue(word, out var a) ? a
        : word.Length <= 9 && word.All(char.IsAsciiDigit) && int.TryParse(word, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d
        : null;

    /// <summary>Index terms for a number in the target language: its digits, and its word(s) where it has them.</summary>
    public static IEnumerable<string> Terms(int value, TextLanguage target)
    {
        yield return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!ByValue.TryGetValue(value, out var words)) yield break;
        if (target == TextLanguage.English)
        {
            yield return words.English;
            yield break;
        }

        foreach (var term in words.Arabic.SelectMany(a => TextAnalyzer.Analyze(a))) yield return term;
    }
}
