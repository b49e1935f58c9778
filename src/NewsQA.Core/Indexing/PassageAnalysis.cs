using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Indexing;

/// <summary>Counts the index terms of a passage (its heading included, since a heading says what the paragraph is about).</summary>
public static class PassageAnalysis
{
    /// <summary>The text the index analyzes and embeds for a passage.</summary>
    public static string IndexedText(Passage passage) =>
        passage.Heading is null ? passage.Text : passage.Heading + "\n" + passage.Text;

    /// <summary>Distinct terms with their frequencies, and the total term count.</summary>
    public static (string[] Terms, int[] Frequencies, int Length) CountTerms(string text)
    {
        var (terms, grams) = CharacterGrams.AnalyzeWithTerms(text);
        var counts = new Dictionary<string, int>(terms.Count + grams.Count, StringComparer.Ordinal);
        foreach (var term in terms) counts[term] = counts.GetValueOrDefault(term) + 1;
        foreach (var gram in grams) counts[gram] = counts.GetValueOrDefault(gram) + 1;
        return ([.. counts.Keys], [.. counts.Values], terms.Count);
    }
}
