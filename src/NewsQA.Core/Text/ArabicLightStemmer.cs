namespace NewsQA.Core.Text;

/// <summary>
/// A light stemmer for normalized Arabic: strips one conjunction/preposition + article prefix and a chain of
/// inflectional suffixes. It follows Larkey, Ballesteros and Connell's light10 (SIGIR 2002), which outperformed
/// root-based and aggressive stemmers for retrieval, extended with the preposition + article combinations that news
/// prose uses (وبال, ولل) and the plural/dual suffixes of nisba adjectives (يين, يون, يات).
/// </summary>
public static class ArabicLightStemmer
{
    // Longest first so "وال" wins over "و". Input is normalized (ة → ه, أ → ا), so the lists use normalized letters.
    private static readonly string[] Prefixes = ["وبال", "وكال", "وفال", "ولل", "وال", "بال", "كال", "فال", "لل", "ال"];

    // Applied right to left: each found suffix is removed once, in this order, when enough of the word remains.
    private static readonly string[] Suffixes = ["ها", "يين", "يون", "يات", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

    private const int MinimumStemLength = 2;

    /// <summary>Stems one normalized Arabic token.</summary>
    public static string Stem(string word)
    {
        var span = word.AsSpan();
        span = StripPrefix(span);
        foreach (var suffix in Suffixes)
        {
            if (span.Length >= suffix.Length + MinimumStemLength && span.EndsWith(suffix, StringComparison.Ordinal))
            {
                span = span[..^suffix.Length];
            }
        }

        return span.Length == word.Length ? word : span.ToString();
    }

    private static ReadOnlySpan<char> StripPrefix(ReadOnlySpan<char> span)
    {
        if (LongPrefixLength(span) is > 0 and var length)
        {
            return span[length..];
        }

        // A bare conjunction "و" comes off when three letters remain (light10's rule: "وقال" → "قال"). The prepositions
        // ب ل ك ف are single letters that also begin many words (بغداد), so they come off only longer words, where a
        // prefix is far more likely than a root letter.
        if (span.Length >= 4 && span[0] == 'و')
        {
            return span[1..];
        }

        if (LonePrefix(span) is not null)
        {
            return span[1..];
        }

        return span;
    }

    /// <summary>
    /// The preposition letter (ب ل ك ف) that stemming takes off the front of <paramref name="word"/> on its own, or null.
    /// Such a letter is sometimes the word's own (بغداد → غداد): the stem of a name may then lack its first sound.
    /// </summary>
    public static char? LonePrepositionPrefix(string word) => LongPrefixLength(word) > 0 ? null : LonePrefix(word);

    // The length of the article or preposition + article prefix that comes off the word, or 0.
    private static int LongPrefixLength(ReadOnlySpan<char> span)
    {
        foreach (var prefix in Prefixes)
        {
            if (span.Length >= prefix.Length + MinimumStemLength && span.StartsWith(prefix, StringComparison.Ordinal)) return prefix.Length;
        }

        return 0;
    }

    /// <summary>The prepositions written as one letter joined to the next word.</summary>
    public static readonly char[] PrepositionLetters = ['ب', 'ل', 'ك', 'ف'];

    private static char? LonePrefix(ReadOnlySpan<char> span) =>
        span.Length >= 5 && PrepositionLetters.Contains(span[0]) ? span[0] : null;
}
