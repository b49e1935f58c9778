using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsQA.Core.Indexing;
using NewsQA.Core.Text;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Both lexical legs from one read of the index's postings. The keyword leg is Okapi BM25 per field (words and grams,
/// each with its own exact length normalization) with the non-negative idf of Lucene, log(1 + (N - df + 0.5) /
/// (df + 0.5)); query terms carry weights, and synonym groups score as one term (Pirkola's structured query). The
/// offline vector leg is the cosine between the query text and each passage as lnc.ltc vectors of the same stems and
/// grams (<see cref="TermWeighting"/>): what the offline hashing embedding approximated with hashed buckets, exact here
/// and without a second index. Term at a time: every posting list a query needs is read once, into two pooled score
/// arrays, and the best k of each are picked.
/// </summary>
public static class LexicalScorer
{
    [ThreadStatic]
    private static int[]? _groupFrequencies;

    /// <summary>
    /// The best <paramref name="k"/> passages of each leg asked for (an empty list for a leg not asked for), among those
    /// the query's <see cref="RetrievalQuery.Filter"/> accepts.
    /// </summary>
    public static (List<ScoredPassage> Keyword, List<ScoredPassage> Vector) Search(
        PassageIndex index, RetrievalQuery query, bool keyword, bool vector, int k, double k1, double b)
    {
        if (index.Count == 0) return ([], []);
        var table = new Dictionary<string, (double Bm25, double Cosine)>(StringComparer.Ordinal);
        if (keyword)
        {
            // A term asked twice counts twice (query term frequency), as in the classic BM25 query weighting.
            foreach (var term in query.Terms) table[term.Term] = (table.GetValueOrDefault(term.Term).Bm25 + term.Weight, 0);
        }

        if (vector)
        {
            foreach (var (feature, weight) in Features(query.VectorText)) table[feature] = (table.GetValueOrDefault(feature).Bm25, weight);
        }

        var norms = index.NormsFor(k1, b);
        var cursor = new PostingsCursor(index);
        using var bm25 = new ScoreBuffer(index.MaxDoc);
        using var cosine = new ScoreBuffer(index.MaxDoc);
        foreach (var (term, (bm25Weight, cosineWeight)) in table)
        {
            if (bm25Weight <= 0 && cosineWeight <= 0) continue;
            var luceneTerm = PassageIndex.LuceneTerm(term);
            var (places, df) = cursor.Seek(luceneTerm);
            if (df == 0) continue;
            var idf = PassageIndex.Idf(index.Count, df);
            var lengthNorms = term[0] == CharacterGrams.Marker ? norms.Grams : norms.Words;
            foreach (var (segment, state) in places)
            {
                var (docs, docBase) = cursor.Open(luceneTerm, segment, state);
                Accumulate(docs, docBase, bm25.Scores, cosine.Scores, lengthNorms,
                    (float)(Math.Max(bm25Weight, 0) * idf * (k1 + 1)), (float)(Math.Max(cosineWeight, 0) * idf));
            }
        }

        if (keyword)
        {
            foreach (var group in query.Groups) AddGroup(index, cursor, group, bm25.Scores, norms.Words, k1);
        }

        var vectorNorms = index.VectorNorms;
        var cosineScores = cosine.Span;
        if (vector)
        {
            for (var p = 0; p < cosineScores.Length; p++)
            {
                if (cosineScores[p] != 0) cosineScores[p] /= vectorNorms[p];
            }
        }

        return (keyword ? TopSelector.Select(bm25.Span, k, query.Filter) : [], vector ? TopSelector.Select(cosineScores, k, query.Filter) : []);
    }

    // Passage numbers are below the reader's MaxDoc by construction, so the score and norm arrays are read without
    // bounds checks: these loops run once per posting, millions of times a query. A term one leg does not use is read
    // by a loop of the other leg alone.
    private static void Accumulate(DocsEnum docs, int docBase, float[] bm25, float[] cosine, float[] lengthNorms, float bm25Factor, float cosineFactor)
    {
        ref var keywordScore = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(bm25), docBase);
        ref var vectorScore = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(cosine), docBase);
        ref var norm = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(lengthNorms), docBase);
        int d;
        if (cosineFactor == 0)
        {
            while ((d = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                float tf = docs.Freq;
                Unsafe.Add(ref keywordScore, d) += bm25Factor * tf / (tf + Unsafe.Add(ref norm, d));
            }
        }
        else if (bm25Factor == 0)
        {
            while ((d = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) Unsafe.Add(ref vectorScore, d) += cosineFactor * TermWeighting.LogTf(docs.Freq);
        }
        else
        {
            while ((d = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                var tf = docs.Freq;
                Unsafe.Add(ref keywordScore, d) += bm25Factor * tf / (tf + Unsafe.Add(ref norm, d));
                Unsafe.Add(ref vectorScore, d) += cosineFactor * TermWeighting.LogTf(tf);
            }
        }
    }

    // A synonym group scores as one term (Pirkola 1998): its tf is the sum of its members' tfs in a passage and its df
    // the number of passages holding any member. The sums go into a per-thread array of zeros, and only the passages
    // touched are scored and set back to zero. (Gram groups, one gram each, are normalized by the word field's length, as
    // before the move to Lucene, so that the measured scores stay the same.)
    private static void AddGroup(PassageIndex index, PostingsCursor cursor, QueryGroup group, float[] scores, float[] lengthNorms, double k1)
    {
        if (group.Weight <= 0) return;
        var members = group.Terms.Distinct(StringComparer.Ordinal).ToList();
        if (members.Count == 1)
        {
            // One member (every gram group): its tf and df are the term's own, so it is scored as a term.
            var only = PassageIndex.LuceneTerm(members[0]);
            var (places, df) = cursor.Seek(only);
            if (df == 0) return;
            var weight = (float)(group.Weight * PassageIndex.Idf(index.Count, df) * (k1 + 1));
            foreach (var (segment, state) in places)
            {
                var (docs, docBase) = cursor.Open(only, segment, state);
                Accumulate(docs, docBase, scores, scores, lengthNorms, weight, 0);
            }

            return;
        }

        if (_groupFrequencies is null || _groupFrequencies.Length < index.MaxDoc) _groupFrequencies = new int[Math.Max(1, index.MaxDoc)];
        var frequencies = _groupFrequencies;
        var touched = new List<int>();
        try
        {
            foreach (var term in members)
            {
                var luceneTerm = PassageIndex.LuceneTerm(term);
                foreach (var (segment, state) in cursor.Seek(luceneTerm).Places)
                {
                    var (docs, docBase) = cursor.Open(luceneTerm, segment, state);
                    int d;
                    while ((d = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                    {
                        var p = docBase + d;
                        if (frequencies[p] == 0) touched.Add(p);
                        frequencies[p] += docs.Freq;
                    }
                }
            }

            if (touched.Count == 0) return;
            var factor = (float)(group.Weight * PassageIndex.Idf(index.Count, touched.Count) * (k1 + 1));
            foreach (var p in touched)
            {
                float tf = frequencies[p];
                scores[p] += factor * tf / (tf + lengthNorms[p]);
            }
        }
        finally
        {
            foreach (var p in touched) frequencies[p] = 0;
        }
    }

    // Each feature's query weight before idf: (1 + ln qtf) times its kind's weight, times the kind's weight again for
    // the passage side (a passage's gram entries are weighted the same way), so a posting adds weight * idf * (1 + ln tf).
    private static IEnumerable<(string Feature, double Weight)> Features(string text)
    {
        var (terms, grams) = CharacterGrams.AnalyzeWithTerms(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms) counts[term] = counts.GetValueOrDefault(term) + 1;
        foreach (var gram in grams) counts[gram] = counts.GetValueOrDefault(gram) + 1;
        return counts.Select(c =>
        {
            var kind = c.Key[0] == CharacterGrams.Marker ? TermWeighting.GramFeatureWeight : 1;
            return (c.Key, (double)TermWeighting.LogTf(c.Value) * kind * kind);
        });
    }
}
