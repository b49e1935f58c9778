namespace NewsQA.Core.Text;

/// <summary>
/// Turns text into index terms: tokenize, drop function words, stem (Arabic light stemmer or Porter). The same analysis
/// runs on passages and questions, so both meet in the same term space.
/// </summary>
public static class TextAnalyzer
{
    /// <summary>Changes whenever analysis output changes, so that indexes built by an older analyzer are rebuilt.</summary>
    public const string Version = "analyzer-1";

    // Words longer than this are not language (base64, URLs, a 50 MB line without spaces); they would only bloat the index.
    private const int MaxTermLength = 40;

    /// <summary>The index terms of a text, in order, repeats kept.</summary>
    public static List<string> Analyze(ReadOnlySpan<char> text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var terms = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            var term = AnalyzeToken(token);
            if (term is not null) terms.Add(term);
        }

        return terms;
    }

    /// <summary>The index term of one token, or null for a function word.</summary>
    public static string? AnalyzeToken(Token token)
    {
        var word = token.Normalized;
        if (word.Length > MaxTermLength) return null;
        if (token.IsArabic)
        {
            return ArabicStopWords.Contains(word) ? null : ArabicLightStemmer.Stem(word);
        }

        if (char.IsAsciiDigit(word[0])) return word;
        return EnglishStopWords.Contains(word) ? null : PorterStemmer.Stem(word);
    }
}
