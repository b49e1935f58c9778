using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Lucene.Net.Util;
using NewsQA.Core.Indexing;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Exact nearest-neighbour search over a provider's dense vectors by dot product (embedding models return unit vectors,
/// so it is the cosine): each live passage's vector is read from its segment's memory-mapped doc values and scored with
/// System.Numerics.Tensors' SIMD kernel. Exact, so no recall is lost; BENCHMARKS.md measures it against an HNSW graph.
/// </summary>
public static class VectorSearcher
{
    /// <summary>The <paramref name="k"/> passages most similar to <paramref name="query"/> among those <paramref name="accept"/> accepts (all without one).</summary>
    public static List<ScoredPassage> Search(PassageIndex index, ReadOnlySpan<float> query, int k, Func<int, bool>? accept = null)
    {
        if (index.Count == 0 || (index.Dimensions > 0 && query.Length != index.Dimensions)) return [];
        using var buffer = new ScoreBuffer(index.MaxDoc);
        var scores = buffer.Span;
        var bytes = new BytesRef();
        foreach (var segment in index.Segments)
        {
            var reader = segment.AtomicReader;
            var vectors = reader.GetBinaryDocValues(IndexFields.Vector);
            var present = reader.GetDocsWithField(IndexFields.Vector);
            if (vectors is null || present is null) continue;
            var live = reader.LiveDocs;
            for (var d = 0; d < reader.MaxDoc; d++)
            {
                if (!present.Get(d) || (live is not null && !live.Get(d)) || (accept is not null && !accept(segment.DocBase + d))) continue;
                vectors.Get(d, bytes);
                var vector = MemoryMarshal.Cast<byte, float>(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
                if (vector.Length == query.Length) scores[segment.DocBase + d] = TensorPrimitives.Dot(vector, query);
            }
        }

        return TopSelector.Select(scores, k);
    }
}
