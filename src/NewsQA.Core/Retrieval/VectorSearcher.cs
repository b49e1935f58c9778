using System.Numerics.Tensors;
using NewsQA.Core.Indexing;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Exact nearest-neighbour search by dot product over the index's vector matrix (vectors are L2-normalized, so the dot
/// product is the cosine), using System.Numerics.Tensors' SIMD kernels.
/// </summary>
public static class VectorSearcher
{
    /// <summary>The <paramref name="k"/> passages most similar to <paramref name="query"/>.</summary>
    public static List<ScoredPassage> Search(PassageIndex index, ReadOnlySpan<float> query, int k)
    {
        if (index.Count == 0 || query.Length != index.Dimensions) return [];
        var dimensions = index.Dimensions;
        var scores = new float[index.Count];
        var matrix = index.Vectors.AsSpan();
        for (var p = 0; p < scores.Length; p++)
        {
            scores[p] = TensorPrimitives.Dot(matrix.Slice(p * dimensions, dimensions), query);
        }

        return TopSelector.Select(Enumerable.Range(0, scores.Length).Where(p => scores[p] > 0).Select(p => new ScoredPassage(p, scores[p])), k);
    }
}
