using System.Numerics.Tensors;

namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>
/// The true k nearest corpus vectors of each query by dot product (the cosine of unit vectors), computed by brute force
/// once per size, the yardstick every engine's recall is measured against. The corpus is read once, in chunks, and each
/// chunk is scored against every query while it is in cache.
/// </summary>
public static class ExactNeighbours
{
    /// <summary>For each query, the numbers of its k nearest among the first <paramref name="count"/> corpus vectors, nearest first.</summary>
    public static int[][] Compute(string vectorsPath, int dimensions, long count, float[][] queries, int k)
    {
        var heaps = queries.Select(_ => new PriorityQueue<int, (float Score, int NegatedNumber)>(k + 1)).ToArray();
        long start = 0;
        foreach (var chunk in VectorFile.ReadChunks(vectorsPath, dimensions, count))
        {
            var offset = start;
            Parallel.For(0, queries.Length, q =>
            {
                var heap = heaps[q];
                for (var i = 0; i < chunk.Length; i++) Offer(heap, (int)(offset + i), TensorPrimitives.Dot(chunk[i], queries[q]), k);
            });
            start += chunk.Length;
        }

        return [.. heaps.Select(Drain)];
    }

    // Ties go to the lower number, as in the product's TopSelector.
    private static void Offer(PriorityQueue<int, (float Score, int NegatedNumber)> heap, int number, float score, int k)
    {
        var priority = (score, -number);
        if (heap.Count < k) heap.Enqueue(number, priority);
        else if (heap.TryPeek(out _, out var worst) && priority.CompareTo(worst) > 0) heap.EnqueueDequeue(number, priority);
    }

    private static int[] Drain(PriorityQueue<int, (float Score, int NegatedNumber)> heap)
    {
        var numbers = new int[heap.Count];
        for (var i = numbers.Length - 1; i >= 0; i--) numbers[i] = heap.Dequeue();
        return numbers;
    }
}
