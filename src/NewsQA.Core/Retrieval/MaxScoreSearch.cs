using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsQA.Core.Indexing;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Both legs' exact top k, term at a time with MaxScore's cut (Turtle and Flood 1995). Clauses are read in order of
/// their bounds, biggest first, into one score per passage per leg. Scores only grow, so the k-th best score so far is
/// a floor under the final k-th; once what the clauses still unread could add at most (their bounds) no longer
/// reaches that floor on either leg, no passage they alone would find can enter, and the rest is read only at the
/// passages that still can ("candidates"), by skipping (Lucene's skip lists) instead of reading whole lists: the long
/// lists of common character 4-grams are mostly never decoded. Every candidate's score is the sum of every clause in
/// the same order as without the cut (<c>prune: false</c>), so the result is bit for bit the exhaustive one.
/// </summary>
internal sealed class MaxScoreSearch(PassageIndex index, PostingsCursor cursor, IBits?[] accepted, LengthNorms norms, float[] vectorNorms, PostingsCache? cache)
{
    // A candidate is reached by skipping while that is cheaper than decoding the list: Lucene 4.8's skips land on
    // blocks of 128 postings, so a skip costs about as much as decoding a few postings of a block.
    private const int SkipCostInPostings = 8;

    // The cut is taken only when skipping to every candidate in every clause left would cost at most this fraction of
    // reading those clauses through (1 / CutWorthIt).
    private const int CutWorthIt = 4;

    // The scan that picks each leg's k best so far waits until postings numbering this share of the passages are
    // read, and happens only while as many are still unread (else it would cost more than it can save).
    private const int ScanAfterPassagesOver = 8;

    /// <summary>The best <paramref name="k"/> passages of each leg asked for (empty for a leg not asked for).</summary>
    public (List<ScoredPassage> Keyword, List<ScoredPassage> Vector) Run(List<ScoringClause> clauses, bool keyword, bool vector, int k, bool prune)
    {
        var ordered = Order(clauses, keyword, vector);
        var (keywordLeft, vectorLeft, postingsLeft) = StillPossible(ordered, keyword, vector);
        using var bm25 = new ScoreBuffer(index.MaxDoc);
        using var raw = new ScoreBuffer(index.MaxDoc);
        List<int>? candidates = null;
        int[]? keywordBest = null, vectorBest = null;
        long read = 0;
        for (var c = 0; c < ordered.Length; c++)
        {
            // Once a share of the postings is read, one scan picks each leg's k best so far; from then on the lowest
            // of those k (their scores only grow) is a floor under the final k-th, at the cost of k reads a clause.
            if (candidates is null && prune && keywordBest is null && read * ScanAfterPassagesOver >= index.MaxDoc && postingsLeft[c] * ScanAfterPassagesOver >= index.MaxDoc)
            {
                (keywordBest, vectorBest) = (Best(bm25.Span, null, k), Best(raw.Span, vectorNorms, k));
            }

            if (candidates is null && keywordBest is not null && vectorBest is not null)
            {
                var (keywordFloor, vectorFloor) = (Lowest(keywordBest, bm25.Scores, null, k), Lowest(vectorBest, raw.Scores, vectorNorms, k));
                if ((!keyword || keywordLeft[c] <= keywordFloor) && (!vector || vectorLeft[c] <= vectorFloor))
                {
                    candidates = Candidates(bm25.Scores, raw.Scores, keywordLeft[c], keywordFloor, vectorLeft[c], vectorFloor, keyword, vector);
                    // The best among the candidates now give higher floors than the first picks did.
                    (keywordBest, vectorBest) = (Best(candidates, bm25.Scores, null, k), Best(candidates, raw.Scores, vectorNorms, k));
                    candidates = Keep(candidates, bm25.Scores, raw.Scores, keywordLeft[c], Lowest(keywordBest, bm25.Scores, null, k), vectorLeft[c], Lowest(vectorBest, raw.Scores, vectorNorms, k), keyword, vector);
                    // Measured: with many candidates, skipping to each costs more than reading the lists through, and
                    // the floors and filtering after every clause more still; then the rest is read as without the cut.
                    if ((long)candidates.Count * SkipCostInPostings * CutWorthIt > postingsLeft[c])
                    {
                        candidates = null;
                        prune = false;
                        keywordBest = vectorBest = null;
                    }
                }
            }

            if (candidates is null)
            {
                read += ReadAll(ordered[c], bm25.Scores, raw.Scores);
                continue;
            }

            ReadAt(ordered[c], candidates, bm25.Scores, raw.Scores);
            var (keywordAt, vectorAt) = (Lowest(keywordBest!, bm25.Scores, null, k), Lowest(vectorBest!, raw.Scores, vectorNorms, k));
            candidates = Keep(candidates, bm25.Scores, raw.Scores, keywordLeft[c + 1], keywordAt, vectorLeft[c + 1], vectorAt, keyword, vector);
        }

        if (candidates is null)
        {
            return (keyword ? TopSelector.Select(bm25.Span, k) : [], vector ? TopSelector.SelectRatios(raw.Span, vectorNorms.AsSpan(0, raw.Length), k) : []);
        }

        return (keyword ? Top(candidates, p => bm25.Scores[p], k) : [],
            vector ? Top(candidates, p => raw.Scores[p] == 0 ? 0 : Cosine(raw.Scores[p], vectorNorms[p]), k) : []);
    }

    private static float Cosine(float raw, float length) => raw / length;

    // Biggest bounds first (each leg's bound as a share of the leg's total), ties in the clauses' own order: the same
    // order with and without the cut, so scores are summed alike.
    private static ScoringClause[] Order(List<ScoringClause> clauses, bool keyword, bool vector)
    {
        var keywordTotal = Math.Max(clauses.Sum(c => c.KeywordBound), double.Epsilon);
        var vectorTotal = Math.Max(clauses.Sum(c => c.VectorBound), double.Epsilon);
        double Share(ScoringClause c) => (keyword ? c.KeywordBound / keywordTotal : 0) + (vector ? c.VectorBound / vectorTotal : 0);
        return [.. clauses.Select((c, i) => (c, i)).OrderByDescending(x => Share(x.c)).ThenBy(x => x.i).Select(x => x.c)];
    }

    // What clauses c.. could still add to one passage: the keyword bounds' sum, the cosine bounds' length
    // (Cauchy–Schwarz), and how many postings they hold.
    private static (double[] Keyword, double[] Vector, long[] Postings) StillPossible(ScoringClause[] ordered, bool keyword, bool vector)
    {
        var keywordLeft = new double[ordered.Length + 1];
        var vectorLeft = new double[ordered.Length + 1];
        var postings = new long[ordered.Length + 1];
        double squares = 0;
        for (var c = ordered.Length - 1; c >= 0; c--)
        {
            keywordLeft[c] = keywordLeft[c + 1] + (keyword ? ordered[c].KeywordBound : 0);
            squares += vector ? ordered[c].VectorBound * ordered[c].VectorBound : 0;
            vectorLeft[c] = Math.Sqrt(squares);
            postings[c] = postings[c + 1] + ordered[c].DocumentFrequency;
        }

        return (keywordLeft, vectorLeft, postings);
    }

    // Every posting of a clause, segment by segment; returns how many.
    private long ReadAll(ScoringClause clause, float[] bm25, float[] raw)
    {
        long read = 0;
        var segments = index.Segments;
        for (var s = 0; s < segments.Count; s++)
        {
            var docBase = segments[s].DocBase;
            if (cache is not null && clause.TryPlace(s, out var term, out var state) && cache.Get(segments[s], s, term, state, cursor) is { } decoded)
            {
                read += ReadDecoded(clause, decoded, accepted[s], docBase, bm25, raw);
                continue;
            }

            clause.Open(cursor, s, accepted[s]);
            if (clause.OnlyMember is { } docs) read += ReadTerm(clause, docs, docBase, bm25, raw);
            else if (!clause.IsTerm) read += ReadGroup(clause, docBase, bm25, raw);
            clause.Close(cursor);
        }

        clause.Reads += read;
        return read;
    }

    // One term's postings, read from the index.
    private long ReadTerm(ScoringClause clause, DocsEnum docs, int docBase, float[] bm25, float[] raw)
    {
        var sums = new SegmentSums(clause, norms, docBase, bm25, raw);
        long read = 0;
        for (var d = docs.DocID; d != DocIdSetIterator.NO_MORE_DOCS; d = docs.NextDoc(), read++) sums.Add(d, docs.Freq);
        return read;
    }

    // The same sums as ReadTerm, from a list decoded once (PostingsCache): the same passages in the same order, so the
    // same scores to the bit; passages the accepted bits refuse (deleted, filtered) are skipped as Lucene would.
    private long ReadDecoded(ScoringClause clause, DecodedPostings postings, IBits? accepted, int docBase, float[] bm25, float[] raw)
    {
        var sums = new SegmentSums(clause, norms, docBase, bm25, raw);
        var (passages, frequencies) = (postings.Passages, postings.Frequencies);
        long read = 0;
        for (var i = 0; i < passages.Length; i++)
        {
            var d = passages[i];
            if (accepted is not null && !accepted.Get(d)) continue;
            read++;
            sums.Add(d, frequencies[i]);
        }

        return read;
    }

    // What one term's postings add in one segment, a posting at a time: the loop that runs millions of times a query
    // at a million passages, so the arrays are read without bounds checks (passage numbers are below MaxDoc by
    // construction) and the clause's factors are read once.
    private readonly ref struct SegmentSums
    {
        private readonly ref float _keyword;
        private readonly ref float _vector;
        private readonly ref float _wordNorm;
        private readonly ref float _gramNorm;
        private readonly float _word;
        private readonly float _gram;
        private readonly float _cosine;

        public SegmentSums(ScoringClause clause, LengthNorms norms, int docBase, float[] bm25, float[] raw)
        {
            _keyword = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(bm25), docBase);
            _vector = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(raw), docBase);
            _wordNorm = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(norms.Words), docBase);
            _gramNorm = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(norms.Grams), docBase);
            (_word, _gram, _cosine) = ((float)clause.WordFactor, (float)clause.GramFactor, (float)clause.VectorFactor);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int d, int tf)
        {
            if (_word > 0) Unsafe.Add(ref _keyword, d) += _word * tf / (tf + Unsafe.Add(ref _wordNorm, d));
            if (_gram > 0) Unsafe.Add(ref _keyword, d) += _gram * tf / (tf + Unsafe.Add(ref _gramNorm, d));
            if (_cosine > 0) Unsafe.Add(ref _vector, d) += _cosine * TermWeighting.LogTf(tf);
        }
    }

    // A synonym group's members merged passage by passage, their tfs summed (Pirkola).
    private long ReadGroup(ScoringClause clause, int docBase, float[] bm25, float[] raw)
    {
        long read = 0;
        for (; clause.Doc != DocIdSetIterator.NO_MORE_DOCS; clause.Next(), read++) Add(clause, docBase + clause.Doc, bm25, raw);
        return read;
    }

    private void Add(ScoringClause clause, int p, float[] bm25, float[] raw)
    {
        var tf = clause.Freq();
        if (clause.WordFactor > 0) bm25[p] += (float)clause.WordFactor * tf / (tf + norms.Words[p]);
        if (clause.GramFactor > 0) bm25[p] += (float)clause.GramFactor * tf / (tf + norms.Grams[p]);
        if (clause.VectorFactor > 0) raw[p] += (float)clause.VectorFactor * TermWeighting.LogTf(tf);
    }

    // A clause at the candidates only (passage numbers in increasing order): skipping to each, or reading the segment's
    // list through where there are so many candidates that skipping would cost more.
    private void ReadAt(ScoringClause clause, List<int> candidates, float[] bm25, float[] raw)
    {
        var segments = index.Segments;
        var next = 0;
        for (var s = 0; s < segments.Count && next < candidates.Count; s++)
        {
            var (docBase, end) = (segments[s].DocBase, segments[s].DocBase + segments[s].AtomicReader.MaxDoc);
            var first = next;
            while (next < candidates.Count && candidates[next] < end) next++;
            if (next == first) continue;
            clause.Open(cursor, s, accepted[s]);
            var expected = (long)clause.DocumentFrequency * (end - docBase) / Math.Max(1, index.MaxDoc);
            if ((long)(next - first) * SkipCostInPostings >= expected)
            {
                if (clause.OnlyMember is { } docs) clause.Reads += ReadTerm(clause, docs, docBase, bm25, raw);
                else if (!clause.IsTerm) clause.Reads += ReadGroup(clause, docBase, bm25, raw);
            }
            else
            {
                for (var i = first; i < next && clause.Doc != DocIdSetIterator.NO_MORE_DOCS; i++)
                {
                    var d = candidates[i] - docBase;
                    clause.Advance(d);
                    if (clause.Doc == d) Add(clause, candidates[i], bm25, raw);
                }
            }

            clause.Close(cursor);
        }
    }

    // The passages that can still enter a leg's top k: scored so far (a passage no clause has read can get at most
    // what is left, which is not above the floor) and within what is left of a leg's floor; in increasing number.
    private List<int> Candidates(float[] bm25, float[] raw, double keywordLeft, double keywordFloor, double vectorLeft, double vectorFloor, bool keyword, bool vector)
    {
        var candidates = new List<int>();
        for (var p = 0; p < index.MaxDoc; p++)
        {
            if ((bm25[p] != 0 || raw[p] != 0) && CanEnter(p, bm25, raw, keywordLeft, keywordFloor, vectorLeft, vectorFloor, keyword, vector)) candidates.Add(p);
        }

        return candidates;
    }

    private List<int> Keep(List<int> candidates, float[] bm25, float[] raw, double keywordLeft, double keywordFloor, double vectorLeft, double vectorFloor, bool keyword, bool vector)
    {
        candidates.RemoveAll(p => !CanEnter(p, bm25, raw, keywordLeft, keywordFloor, vectorLeft, vectorFloor, keyword, vector));
        return candidates;
    }

    // Ties with the floor stay: a passage that ends level with the k-th may still enter on a lower passage number.
    private bool CanEnter(int p, float[] bm25, float[] raw, double keywordLeft, double keywordFloor, double vectorLeft, double vectorFloor, bool keyword, bool vector) =>
        (keyword && bm25[p] + keywordLeft >= keywordFloor) || (vector && (raw[p] == 0 ? 0 : Cosine(raw[p], vectorNorms[p])) + vectorLeft >= vectorFloor);

    // The k passages with the best scores so far (fewer when fewer score): raw cosines are divided by lengths.
    private int[] Best(ReadOnlySpan<float> scores, float[]? lengths, int k)
    {
        var best = new PriorityQueue<int, float>(k + 1);
        for (var p = 0; p < index.MaxDoc; p++) Offer(best, p, scores[p], lengths, k);
        return [.. best.UnorderedItems.Select(i => i.Element)];
    }

    private static int[] Best(List<int> candidates, float[] scores, float[]? lengths, int k)
    {
        var best = new PriorityQueue<int, float>(k + 1);
        foreach (var p in candidates) Offer(best, p, scores[p], lengths, k);
        return [.. best.UnorderedItems.Select(i => i.Element)];
    }

    private static void Offer(PriorityQueue<int, float> best, int p, float score, float[]? lengths, int k)
    {
        if (score == 0) return;
        if (lengths is not null) score = Cosine(score, lengths[p]);
        if (best.Count < k) best.Enqueue(p, score);
        else if (best.TryPeek(out _, out var worst) && score > worst) best.EnqueueDequeue(p, score);
    }

    // The lowest current score of those passages: a floor under the final k-th best (0 when fewer than k).
    private static double Lowest(int[] passages, float[] scores, float[]? lengths, int k)
    {
        if (passages.Length < k) return 0;
        var lowest = double.PositiveInfinity;
        foreach (var p in passages) lowest = Math.Min(lowest, lengths is null ? scores[p] : Cosine(scores[p], lengths[p]));
        return lowest;
    }

    private static List<ScoredPassage> Top(List<int> candidates, Func<int, float> score, int k) =>
        TopSelector.Select(candidates.Select(p => new ScoredPassage(p, score(p))).Where(s => s.Score > 0), k);
}

