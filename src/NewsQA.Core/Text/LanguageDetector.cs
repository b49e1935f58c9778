namespace NewsQA.Core.Text;

/// <summary>Tells Arabic from English (Latin script) by counting letters of each script.</summary>
public static class LanguageDetector
{
    // A text is mixed when the minority script holds at least this share of letters: a Latin name inside an Arabic
    // sentence ("موقع Pbs") stays Arabic, a half-and-half text is mixed.
    private const double MixedShare = 0.3;

    /// <summary>Detects the dominant script of a text.</summary>
    public static TextLanguage Detect(ReadOnlySpan<char> text)
    {
        int arabic = 0, latin = 0;
        foreach (var c in text)
        {
            if (ArabicNormalizer.IsArabicLetter(c)) arabic++;
            else if (char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F') latin++;
        }

        var total = arabic + latin;
        if (total == 0) return TextLanguage.Unknown;
        var minority = Math.Min(arabic, latin) / (double)total;
        if (minority >= MixedShare) return TextLanguage.Mixed;
        return arabic > latin ? TextLanguage.Arabic : TextLanguage.English;
    }

    /// <summary>The language to answer in: Arabic for Arabic or mixed-leaning-Arabic text, else English.</summary>
    public static TextLanguage DetectAnswerLanguage(ReadOnlySpan<char> text)
    {
        var language = Detect(text);
        return language switch
        {
            TextLanguage.Mixed => CountArabic(text) * 2 >= CountLetters(text) ? TextLanguage.Arabic : TextLanguage.English,
            TextLanguage.Unknown => TextLanguage.English,
            _ => language,
        };
    }

    private static int CountArabic(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text) if (ArabicNormalizer.IsArabicLetter(c)) n++;
        return n;
    }

    private static int CountLetters(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text) if (char.IsLetter(c)) n++;
        return n;
    }
}
