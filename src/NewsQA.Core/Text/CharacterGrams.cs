namespace NewsQA.Core.Text;

/// <summary>
/// Character n-grams of content words, framed by word boundaries ("&lt;قوات&gt;" → "&lt;قوا", "قوات", "وات&gt;"). Arabic
/// attaches articles, prepositions and pronouns to words and forms plurals inside them; n-grams match the shared core
/// of such forms where a light stemmer cannot (McNamee and Mayfield, 2004).
/// </summary>
public static class CharacterGrams
{
    /// <summary>Marks a gram in a shared term space so it never collides with a word term.</summary>
    public const char Marker = '\u0001';

    public const int Size = 4;

    /// <summary>The gram terms of a text's content words, each prefixed with <see cref="Marker"/>, repeats kept.</summary>
    public static List<string> Analyze(ReadOnlySpan<char> text)
    {
        var grams = new List<string>();
        foreach (var token in Tokenizer.Tokenize(text))
        {
            if (TextAnalyzer.AnalyzeToken(token) is null) continue;
            AddGrams(token.Normalized, grams);
        }

        return grams;
    }

    private static void AddGrams(string word, List<string> grams)
    {
        var framed = $"<{word}>";
        if (framed.Length <= Size)
        {
            grams.Add(Marker + framed);
            return;
        }

        for (var i = 0; i + Size <= framed.Length; i++) grams.Add(string.Concat(Marker.ToString(), framed.AsSpan(i, Size)));
    }
}
