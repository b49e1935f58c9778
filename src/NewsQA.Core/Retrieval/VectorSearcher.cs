using System.Numerics.Tensors;
using NewsQA.Core.Indexing;
using NewsQA.Core.Indexing.Vectors;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Nearest-neighbour search over a provider's dense vectors by dot product (embedding models return unit vectors, so it
/// is the cosine), segment by segment (<see cref="SegmentVectors"/>): a segment below the switch point, or whose graph
/// is still being built, is scanned exactly over its packed matrix; a larger one is searched through its HNSW graph for
/// its likely share of the top k (asking again for all k when that share all made the top k), with headroom when
/// deleted passages or the filter may take some, asking again for more until enough are found, and scanning the segment
/// exactly when the filter is so selective that the graph would be walked for little. Graph candidates are scored
/// exactly from the matrix, so every score is a true dot product.
/// </summary>
public static class VectorSearcher
{
    // The smallest ask of a graph: its search expansion (VectorGraph's 64), which a smaller ask would not shorten.
    private const int FirstFetch = 64;

    // Past this share of a segment's vectors, asking the graph costs about what an exact scan of the segment does.
    private const int ExactShareDivisor = 8;

    /// <summary>The <paramref name="k"/> passages most similar to <paramref name="query"/> among those <paramref name="accept"/> accepts (all without one).</summary>
    public static List<ScoredPassage> Search(
        PassageIndex index, ReadOnlySpan<float> query, int k, Func<int, bool>? accept = null, VectorIndexSettings? settings = null)
    {
        if (index.Count == 0 || k <= 0 || (index.Dimensions > 0 && query.Length != index.Dimensions)) return [];
        settings ??= new VectorIndexSettings();
        var vector = query.ToArray();
        var segments = new List<Segment>();
        long total = 0;
        foreach (var segment in index.Segments)
        {
            var vectors = SegmentVectors.Of(segment.AtomicReader, settings);
            if (vectors.Count == 0 || vectors.Matrix.Dimensions != vector.Length) continue;
            segments.Add(new Segment(segment.AtomicReader, vectors, segment.DocBase, accept));
            total += vectors.Count;
        }

        // First pass: each graph is asked for its likely share of the top k, not all of it (Lucene's optimistic kNN
        // search: AbstractKnnVectorQuery.perLeafTopKCalculation). Nine graphs asked for 100 each walked nine times the
        // graph a question needs; an exact scan costs the same whatever it keeps, so it keeps k.
        var found = new List<ScoredPassage>[segments.Count];
        var quotas = new int[segments.Count];
        for (var i = 0; i < segments.Count; i++) quotas[i] = segments[i].Vectors.Graph is null ? k : Quota(k, segments[i].Vectors.Count / (double)total);

        // Segments are searched side by side, as Lucene's IndexSearcher does with an executor: a question's latency is
        // then its largest segments' searches, not the sum of all of them. Under a full load the work is the same. A
        // small index (no segment up to the switch point) is searched in line: its scans cost less than the hand-off.
        if (segments.Count > 1 && Environment.ProcessorCount > 1 && total >= settings.ExactBelow)
        {
            Parallel.For(0, segments.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => found[i] = segments[i].Search(vector, quotas[i]));
        }
        else
        {
            for (var i = 0; i < segments.Count; i++) found[i] = segments[i].Search(vector, quotas[i]);
        }

        var top = TopSelector.Select(found.SelectMany(f => f).Where(c => c.Score > 0), k);

        // Second pass: a graph whose whole quota made the top k may hold more of it (its neighbours were clustered
        // there); it is asked again for all k, as Lucene's optimistic search re-enters such a segment.
        var kth = top.Count < k ? float.NegativeInfinity : top[^1].Score;
        var again = false;
        for (var i = 0; i < segments.Count; i++)
        {
            if (quotas[i] >= k || found[i].Count < quotas[i] || found[i].Min(c => c.Score) < kth) continue;
            found[i] = segments[i].Search(vector, k);
            again = true;
        }

        return again ? TopSelector.Select(found.SelectMany(f => f).Where(c => c.Score > 0), k) : top;
    }

    /// <summary>
    /// How many of the top <paramref name="k"/> a segment holding <paramref name="share"/> of the vectors is asked for:
    /// its expected share, plus Lucene's 16 standard deviations of the binomial (LAMBDA in AbstractKnnVectorQuery), so
    /// that a segment seldom holds more of the top k than it was asked for; when it may, the second pass asks again.
    /// </summary>
    internal static int Quota(int k, double share)
    {
        if (share >= 1) return k;
        var expected = k * share;
        return Math.Clamp((int)(expected + 16 * Math.Sqrt(expected * (1 - share))), 1, k);
    }

    /// <summary>Waits until every graph the snapshot's segments are building serves (for a bulk build's end, benchmarks and tests).</summary>
    public static Task WhenGraphsBuiltAsync(PassageIndex index, VectorIndexSettings? settings = null) =>
        Task.WhenAll(index.Segments.Select(s => SegmentVectors.Of(s.AtomicReader, settings ?? new VectorIndexSettings()).Built));

    /// <summary>Vectors of the snapshot's segments that get a graph, and how many of them are in a graph that serves (a long build's progress).</summary>
    public static (long Built, long Total) GraphProgress(PassageIndex index, VectorIndexSettings? settings = null)
    {
        settings ??= new VectorIndexSettings();
        long built = 0, total = 0;
        foreach (var vectors in index.Segments.Select(s => SegmentVectors.Of(s.AtomicReader, settings)).Where(v => v.Count >= settings.ExactBelow))
        {
            total += vectors.Count;
            built += vectors.Graph is null ? 0 : vectors.Count;
        }

        return (built, total);
    }

    // One segment's part of a search: its vectors, and which of its documents may be returned.
    private sealed class Segment(Lucene.Net.Index.AtomicReader reader, SegmentVectors vectors, int docBase, Func<int, bool>? accept)
    {
        private readonly Lucene.Net.Util.IBits? _live = reader.LiveDocs;

        public SegmentVectors Vectors => vectors;

        // Whether every vector of the segment may be returned: then a graph's first answer needs no headroom.
        private bool TakesAll => _live is null && accept is null;

        /// <summary>The segment's best <paramref name="k"/>: through its graph when it has one, else (or when the filter is so selective that the graph would be walked for little) by an exact scan.</summary>
        public List<ScoredPassage> Search(float[] query, int k) =>
            vectors.Graph is { } graph && GraphSearch(graph, query, k) is { } near ? near : ExactScan(query, k);

        private bool Wanted(int d) => vectors.Has(d) && (_live is null || _live.Get(d)) && (accept is null || accept(docBase + d));

        private List<ScoredPassage> ExactScan(float[] query, int k)
        {
            var matrix = vectors.Matrix;
            var scored = new List<ScoredPassage>();
            for (var d = 0; d < matrix.Rows; d++)
            {
                if (Wanted(d)) scored.Add(new ScoredPassage(docBase + d, TensorPrimitives.Dot(matrix.Row(d), query)));
            }

            return TopSelector.Select(scored, k);
        }

        // Null when the graph would be asked for so much of the segment that an exact scan is as cheap. The ask is k
        // (at least the graph's expansion) when every vector may be returned, twice k when deleted or refused passages
        // may take some of it; each further ask doubles.
        private List<ScoredPassage>? GraphSearch(VectorGraph graph, float[] query, int k)
        {
            for (var fetch = Math.Max(FirstFetch, TakesAll ? k : 2 * k); fetch <= vectors.Count / ExactShareDivisor || fetch <= FirstFetch; fetch *= 2)
            {
                var found = graph.Search(query, fetch, out var keys);
                var scored = new List<ScoredPassage>(k);
                for (var i = 0; i < found; i++)
                {
                    var d = (int)keys[i];
                    if (Wanted(d)) scored.Add(new ScoredPassage(docBase + d, TensorPrimitives.Dot(vectors.Matrix.Row(d), query)));
                }

                if (scored.Count >= k || found < fetch) return TopSelector.Select(scored, k);
            }

            return null;
        }
    }
}
