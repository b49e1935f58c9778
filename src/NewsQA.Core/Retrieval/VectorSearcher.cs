using System.Numerics.Tensors;
using NewsQA.Core.Indexing;
using NewsQA.Core.Indexing.Vectors;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Nearest-neighbour search over a provider's dense vectors by dot product (embedding models return unit vectors, so it
/// is the cosine), segment by segment (<see cref="SegmentVectors"/>): a segment below the switch point, or whose graph
/// is still being built, is scanned exactly over its packed matrix; a larger one is searched through its HNSW graph,
/// asking for more than k so that deleted passages and those the filter refuses do not cost the top k, and asking again
/// for more until k are found, then scanning the segment exactly when the filter is so selective that the graph would
/// be walked for little. Graph candidates are scored exactly from the matrix, so every score is a true dot product.
/// </summary>
public static class VectorSearcher
{
    // The first ask of a graph: twice k, at least the graph's expansion (64), so a few deleted or refused passages
    // still leave k; each further ask doubles it.
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
        var candidates = new List<ScoredPassage>();
        foreach (var segment in index.Segments)
        {
            var reader = segment.AtomicReader;
            var vectors = SegmentVectors.Of(reader, settings);
            if (vectors.Count == 0 || vectors.Matrix.Dimensions != vector.Length) continue;
            var live = reader.LiveDocs;
            bool Wanted(int d) => vectors.Has(d) && (live is null || live.Get(d)) && (accept is null || accept(segment.DocBase + d));
            var found = vectors.Graph is { } graph && GraphSearch(graph, vectors, vector, k, Wanted, segment.DocBase) is { } near
                ? near
                : ExactScan(vectors, vector, k, Wanted, segment.DocBase);
            candidates.AddRange(found);
        }

        return TopSelector.Select(candidates.Where(c => c.Score > 0), k);
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

    private static List<ScoredPassage> ExactScan(SegmentVectors vectors, float[] query, int k, Func<int, bool> wanted, int docBase)
    {
        var matrix = vectors.Matrix;
        var scored = new List<ScoredPassage>();
        for (var d = 0; d < matrix.Rows; d++)
        {
            if (wanted(d)) scored.Add(new ScoredPassage(docBase + d, TensorPrimitives.Dot(matrix.Row(d), query)));
        }

        return TopSelector.Select(scored, k);
    }

    // Null when the graph would be asked for so much of the segment that an exact scan is as cheap.
    private static List<ScoredPassage>? GraphSearch(VectorGraph graph, SegmentVectors vectors, float[] query, int k, Func<int, bool> wanted, int docBase)
    {
        for (var fetch = Math.Max(FirstFetch, 2 * k); fetch <= vectors.Count / ExactShareDivisor || fetch <= FirstFetch; fetch *= 2)
        {
            var found = graph.Search(query, fetch, out var keys);
            var scored = new List<ScoredPassage>(k);
            for (var i = 0; i < found; i++)
            {
                var d = (int)keys[i];
                if (wanted(d)) scored.Add(new ScoredPassage(docBase + d, TensorPrimitives.Dot(vectors.Matrix.Row(d), query)));
            }

            if (scored.Count >= k || found < fetch) return TopSelector.Select(scored, k);
        }

        return null;
    }
}
