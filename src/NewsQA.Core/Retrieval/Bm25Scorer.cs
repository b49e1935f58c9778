using NewsQA.Core.Indexing;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Okapi BM25 over the inverted index, with the non-negative idf of Lucene: log(1 + (N - df + 0.5) / (df + 0.5)).
/// Query terms carry weights, so a translated query can spread one source word over several candidate translations.
/// </summary>
public static class Bm25Scorer
{
    /// <summary>The <paramref name="k"/> best passages for the weighted query terms.</summary>
    public static List<ScoredPassage> Search(PassageIndex index, IReadOnlyList<WeightedTerm> query, int k, double k1, double b) =>
        Search(index, query, [], k, k1, b);

    /// <summary>The <paramref name="k"/> best passages for weighted terms and synonym groups together.</summary>
    public static List<ScoredPassage> Search(PassageIndex index, IReadOnlyList<WeightedTerm> query, IReadOnlyList<QueryGroup> groups, int k, double k1, double b)
    {
        if (index.Count == 0 || (query.Count == 0 && groups.Count == 0)) return [];
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

        foreach (var group in groups) AddGroup(index, group, scores, seen, touched, k1, b);
        return TopSelector.Select(touched.Select(p => new ScoredPassage(p, scores[p])), k);
    }

    private static void AddGroup(PassageIndex index, QueryGroup group, float[] scores, bool[] seen, List<int> touched, double k1, double b)
    {
        if (group.Weight <= 0) return;
        var frequencies = new Dictionary<int, int>();
        foreach (var term in group.Terms.Distinct(StringComparer.Ordinal))
        {
            if (!index.TryGetPostings(term, out var postings)) continue;
            for (var i = 0; i < postings.PassageIds.Length; i++)
            {
                frequencies[postings.PassageIds[i]] = frequencies.GetValueOrDefault(postings.PassageIds[i]) + postings.Frequencies[i];
            }
        }

        if (frequencies.Count == 0) return;
        var idf = PassageIndex.Idf(index.Count, frequencies.Count);
        var averageLength = Math.Max(index.AverageLength, 1e-9);
        foreach (var (p, tf) in frequencies)
        {
            var norm = k1 * (1 - b + (b * index.Lengths[p] / averageLength));
            if (!seen[p])
            {
                seen[p] = true;
                touched.Add(p);
            }

            scores[p] += (float)(group.Weight * idf * tf * (k1 + 1) / (tf + norm));
        }
    }

    // A term asked twice counts twice (query term frequency), as in the classic BM25 query weighting.
    private static IEnumerable<(string Term, double Weight)> Merge(IReadOnlyList<WeightedTerm> query) =>
        query.GroupBy(t => t.Term, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(t => t.Weight)));
}
