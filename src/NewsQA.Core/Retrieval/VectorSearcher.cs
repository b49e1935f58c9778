using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NewsQA.Core.Indexing;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Exact nearest-neighbour search by dot product (vectors are L2-normalized, so the dot product is the cosine): for
/// sparse hashed vectors through their by-dimension lists, touching only the query's non-zero dimensions; for a
/// provider's dense vectors with System.Numerics.Tensors' SIMD kernels over every row.
/// </summary>
public static class VectorSearcher
{
    /// <summary>The <paramref name="k"/> passages most similar to <paramref name="query"/>.</summary>
    public static List<ScoredPassage> Search(PassageIndex index, ReadOnlySpan<float> query, int k)
    {
        if (index.Count == 0 || query.Length != index.Dimensions) return [];
        if (index.Sparse is { } sparse) return SearchSparse(index, sparse, query, k);
        return index.Dense is { } dense ? SearchDense(dense, query, k) : [];
    }

    /// <summary>The dot products accumulated over the query's non-zero dimensions, from the quantized entries.</summary>
    public static List<ScoredPassage> SearchSparse(PassageIndex index, SparseVectors sparse, ReadOnlySpan<float> query, int k)
    {
        using var buffer = new ScoreBuffer(index.Count);
        var scores = buffer.Scores;
        for (var d = 0; d < query.Length; d++)
        {
            var q = query[d];
            if (q == 0) continue;
            var reader = sparse.Dimension(d).GetReader();
            ref var score = ref MemoryMarshal.GetArrayDataReference(scores); // in range by construction, as in Bm25Scorer
            while (reader.NextWide(out var p, out var level)) Unsafe.Add(ref score, p) += q * level;
        }

        // Every entry of a passage shares its scale, so it is applied once per passage rather than once per entry.
        var span = buffer.Span;
        for (var p = 0; p < span.Length; p++)
        {
            if (span[p] != 0) span[p] *= sparse.Scale(p);
        }

        return TopSelector.Select(span, k);
    }

    /// <summary>The SIMD dot product with every passage's dense vector.</summary>
    public static List<ScoredPassage> SearchDense(DenseVectors dense, ReadOnlySpan<float> query, int k)
    {
        using var buffer = new ScoreBuffer(dense.Rows.Count);
        var scores = buffer.Span;
        for (var p = 0; p < scores.Length; p++) scores[p] = TensorPrimitives.Dot(dense.Rows[p], query);
        return TopSelector.Select(scores, k);
    }
}
