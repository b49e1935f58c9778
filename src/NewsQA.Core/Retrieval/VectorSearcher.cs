using System.Numerics.Tensors;
using NewsQA.Core.Indexing;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Exact nearest-neighbour search by dot product (vectors are L2-normalized, so the dot product is the cosine): over the
/// index's dense matrix with System.Numerics.Tensors' SIMD kernels, or, for sparse hashed vectors, through the
/// by-dimension postings, which give the same products for a fraction of the work.
/// </summary>
public static class VectorSearcher
{
    /// <summary>The <paramref name="k"/> passages most similar to <paramref name="query"/>.</summary>
    public static List<ScoredPassage> Search(PassageIndex index, ReadOnlySpan<float> query, int k)
    {
        if (index.Count == 0 || query.Length != index.Dimensions) return [];
        return index.BucketPostings is { } sparse ? SearchSparse(index, sparse, query, k) : SearchDense(index, query, k);
    }

    /// <summary>The same dot products, accumulated over the query's non-zero dimensions only.</summary>
    public static List<ScoredPassage> SearchSparse(PassageIndex index, SparseVectors sparse, ReadOnlySpan<float> query, int k)
    {
        var scores = new float[index.Count];
        var seen = new bool[index.Count];
        var touched = new List<int>();
        for (var d = 0; d < query.Length; d++)
        {
            var q = query[d];
            if (q == 0) continue;
            for (var i = sparse.Starts[d]; i < sparse.Starts[d + 1]; i++)
            {
                var p = sparse.PassageNumbers[i];
                if (!seen[p])
                {
                    seen[p] = true;
                    touched.Add(p);
                }

                scores[p] += q * sparse.Values[i];
            }
        }

        return TopSelector.Select(touched.Where(p => scores[p] > 0).Select(p => new ScoredPassage(p, scores[p])), k);
    }

    /// <summary>The SIMD scan over every passage's dense vector.</summary>
    public static List<ScoredPassage> SearchDense(PassageIndex index, ReadOnlySpan<float> query, int k)
    {
        var dimensions = index.Dimensions;
        var scores = new float[index.Count];
        var matrix = index.Vectors.AsSpan();
        for (var p = 0; p < scores.Length; p++) scores[p] = TensorPrimitives.Dot(matrix.Slice(p * dimensions, dimensions), query);
        return TopSelector.Select(Enumerable.Range(0, scores.Length).Where(p => scores[p] > 0).Select(p => new ScoredPassage(p, scores[p])), k);
    }
}
