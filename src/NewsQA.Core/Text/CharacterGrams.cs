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
    public static List<string> Analyze(ReadOnlySpan<char> text) => AnalyzeWithTerms(text).Grams;

    /// <summary>The word terms and the gram terms of a text from one pass of tokenizing and analysis.</summary>
    public static (List<string> Terms, List<string> Grams) AnalyzeWithTerms(ReadOnlySpan<char> text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var terms = new List<string>(tokens.Count);
        var grams = new List<string>(tokens.Count * Size);
        foreach (var token in tokens)
        {
            if (TextAnalyzer.AnalyzeToken(token) is not { } term) continue;
            terms.Add(term);
            AddGrams(token.Normalized, grams);
        }

        return (terms, grams);
    }

    /// <summary>
    /// Adds the framed grams of one normalized word; <paramref name="marked"/> prefixes each with <see cref="Marker"/>
    /// (the shared term space of queries), unmarked grams are what the index's gram field holds.
    /// </summary>
    public static void AddGrams(string word, List<string> grams, bool marked = true)
    {
        // The word framed as "<word>", and each gram written straight into its string: no intermediate strings.
        var shift = marked ? 1 : 0;
        var framedLength = word.Length + 2;
        if (framedLength <= Size)
        {
            grams.Add(string.Create(framedLength + shift, (word, shift), static (span, state) =>
            {
                if (state.shift == 1) span[0] = Marker;
                span[state.shift] = '<';
                state.word.AsSpan().CopyTo(span[(state.shift + 1)..]);
                span[^1] = '>';
            }));
            return;
        }

        for (var i = 0; i + Size <= framedLength; i++)
        {
            grams.Add(string.Create(Size + shift, (word, i, shift), static (span, state) =>
            {
                if (state.shift == 1) span[0] = Marker;
                for (var j = 0; j < Size; j++)
                {
                    var at = state.i + j; // position in "<word>"
                    span[j + state.shift] = at == 0 ? '<' : at == state.word.Length + 1 ? '>' : state.word[at - 1];
                }
            }));
        }
    }
}
