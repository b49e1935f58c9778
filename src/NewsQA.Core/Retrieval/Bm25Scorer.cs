using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NewsQA.Core.Indexing;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Okapi BM25 over the inverted index, with the non-negative idf of Lucene: log(1 + (N - df + 0.5) / (df + 0.5)).
/// Query terms carry weights, so a translated query can spread one source word over several candidate translations.
/// Term at a time: each posting list is read once into a pooled score array, and the best k are picked from it.
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
        var norms = index.NormsFor(k1, b);
        using var buffer = new ScoreBuffer(index.Count);
        var scores = buffer.Scores;
        foreach (var (term, weight) in Merge(query))
        {
            if (weight <= 0 || !index.TryGetPostings(term, out var postings)) continue;
            var lengthNorms = term[0] == Text.CharacterGrams.Marker ? norms.Grams : norms.Words;
            var factor = (float)(weight * PassageIndex.Idf(index.Count, postings.Count) * (k1 + 1));
            var reader = postings.GetReader();
            // Passage numbers in a posting list are below the index's count by construction, so the score and norm
            // arrays are read without bounds checks: this loop runs once per posting, millions of times a query.
            ref var score = ref MemoryMarshal.GetArrayDataReference(scores);
            ref var norm = ref MemoryMarshal.GetArrayDataReference(lengthNorms);
            while (reader.Next(out var p, out var tf)) Unsafe.Add(ref score, p) += factor * tf / (tf + Unsafe.Add(ref norm, p));
        }

        foreach (var group in groups) AddGroup(index, group, scores, norms.Words, k1);
        return TopSelector.Select(buffer.Span, k);
    }

    // A synonym group scores as one term (Pirkola 1998): its tf is the sum of its members' tfs in a passage and its df
    // the number of passages holding any member.
    private static void AddGroup(PassageIndex index, QueryGroup group, float[] scores, float[] lengthNorms, double k1)
    {
        if (group.Weight <= 0) return;
        var frequencies = new Dictionary<int, int>();
        foreach (var term in group.Terms.Distinct(StringComparer.Ordinal))
        {
            if (!index.TryGetPostings(term, out var postings)) continue;
            var reader = postings.GetReader();
            while (reader.Next(out var p, out var tf)) frequencies[p] = frequencies.GetValueOrDefault(p) + tf;
        }

        if (frequencies.Count == 0) return;
        var factor = (float)(group.Weight * PassageIndex.Idf(index.Count, frequencies.Count) * (k1 + 1));
        foreach (var (p, tf) in frequencies) scores[p] += factor * tf / (tf + lengthNorms[p]);
    }

    // A term asked twice counts twice (query term frequency), as in the classic BM25 query weighting.
    private static IEnumerable<(string Term, double Weight)> Merge(IReadOnlyList<WeightedTerm> query) =>
        query.GroupBy(t => t.Term, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(t => t.Weight)));
}
