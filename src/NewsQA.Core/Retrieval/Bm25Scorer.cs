using NewsQA.Core.Indexing;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Okapi BM25 over the inverted index, with the non-negative idf of Lucene: log(1 + (N - df + 0.5) / (df + 0.5)).
/// Query terms carry weights, so a translated query can spread one source word over several candidate translations.
/// </summary>
public static class Bm25Scorer
{
    /// <summary>The <paramref name="k"/> best passages for the weighted query terms.</summary>
    public static List<ScoredPassage> Search(PassageIndex index, IReadOnlyList<WeightedTerm> query, int k, double k1, double b)
    {
        if (index.Count == 0 || query.Count == 0) return [];
        var scores = new float[index.Count];
        var seen = new bool[index.Count];
        var touched = new List<int>();
        foreach (var (term, weight) in Merge(query))
        {
            if (weight <= 0 || !index.TryGetPostings(term, out var postings)) continue;
            var isGram = term[0] == Text.CharacterGrams.Marker;
            var lengths = isGram ? index.GramLengths : index.Lengths;
            var averageLength = Math.Max(isGram ? index.AverageGramLength : index.AverageLength, 1e-9);
            var idf = index.InverseDocumentFrequency(term);
            var ids = postings.PassageIds;
            var tfs = postings.Frequencies;
            for (var i = 0; i < ids.Length; i++)
            {
                var p = ids[i];
                double tf = tfs[i];
                var norm = k1 * (1 - b + (b * lengths[p] / averageLength));
                if (!seen[p])
                {
                    seen[p] = true;
                    touched.Add(p);
                }

                scores[p] += (float)(weight * idf * tf * (k1 + 1) / (tf + norm));
            }
        }

        return TopSelector.Select(touched.Select(p => new ScoredPassage(p, scores[p])), k);
    }

    // A term asked twice counts twice (query term frequency), as in the classic BM25 query weighting.
    private static IEnumerable<(string Term, double Weight)> Merge(IReadOnlyList<WeightedTerm> query) =>
        query.GroupBy(t => t.Term, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(t => t.Weight)));
}
