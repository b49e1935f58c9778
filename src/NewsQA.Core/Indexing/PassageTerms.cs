using NewsQA.Core.Text;

namespace NewsQA.Core.Indexing;

/// <summary>
/// A passage's index terms from one pass of NewsQA's analysis (<see cref="CharacterGrams.AnalyzeWithTerms"/>, the same
/// function that analyzes questions): stems for the word field, unmarked character grams for the gram field, repeats
/// kept, in order.
/// </summary>
public sealed record PassageTerms(List<string> Words, List<string> Grams)
{
    /// <summary>Analyzes a text (its heading included, see <see cref="IndexedText"/>).</summary>
    public static PassageTerms Analyze(string text)
    {
        var (words, marked) = CharacterGrams.AnalyzeWithTerms(text);
        var grams = new List<string>(marked.Count);
        foreach (var gram in marked) grams.Add(gram[1..]);
        return new PassageTerms(words, grams);
    }

    /// <summary>The text the index analyzes for a passage: a heading says what its paragraph is about.</summary>
    public static string IndexedText(Ingestion.Passage passage) =>
        passage.Heading is null ? passage.Text : passage.Heading + "\n" + passage.Text;

    /// <summary>The length of the passage's lexical vector (see <see cref="TermWeighting"/>).</summary>
    public double VectorNorm() => Math.Sqrt(SumOfSquares(Words, 1) + SumOfSquares(Grams, TermWeighting.GramFeatureWeight));

    private static double SumOfSquares(List<string> terms, double kindWeight)
    {
        var counts = new Dictionary<string, int>(terms.Count, StringComparer.Ordinal);
        foreach (var t in terms) counts[t] = counts.GetValueOrDefault(t) + 1;
        var sum = 0.0;
        foreach (var tf in counts.Values)
        {
            var w = TermWeighting.LogTf(tf) * kindWeight;
            sum += w * w;
        }

        return sum;
    }
}
