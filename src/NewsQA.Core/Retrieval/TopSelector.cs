using System.Numerics;

namespace NewsQA.Core.Retrieval;

/// <summary>Keeps the k best of a stream of scored passages with a min-heap (<see cref="TopHeap"/>), in O(n log k).</summary>
public static class TopSelector
{
    /// <summary>The best <paramref name="k"/> candidates, best first; ties go to the lower passage number (stable order).</summary>
    public static List<ScoredPassage> Select(IEnumerable<ScoredPassage> candidates, int k)
    {
        var heap = new TopHeap(k);
        foreach (var candidate in candidates) heap.Offer(candidate);
        return heap.Drain();
    }

    /// <summary>
    /// The best <paramref name="k"/> passages of a score array (passage number = position), only those scoring above
    /// zero; best first, ties to the lower passage number. Once the heap is full, a score must beat its worst to enter,
    /// so most of the scan only compares, a vector of scores at a time.
    /// </summary>
    public static List<ScoredPassage> Select(ReadOnlySpan<float> scores, int k) => SelectRatios(scores, default, k);

    /// <summary>
    /// The same over <paramref name="numerators"/>[p] / <paramref name="denominators"/>[p] (a passage with numerator 0
    /// scores 0; denominators of the others are positive), computed only for passages that can enter: a cosine's
    /// dot products and the passages' vector lengths, without dividing every passage. An empty
    /// <paramref name="denominators"/> divides by 1.
    /// </summary>
    public static List<ScoredPassage> SelectRatios(ReadOnlySpan<float> numerators, ReadOnlySpan<float> denominators, int k)
    {
        var heap = new TopHeap(k);
        var divide = !denominators.IsEmpty;
        var threshold = 0f;
        var width = Vector<float>.Count;
        var p = 0;
        while (p < numerators.Length)
        {
            // A whole vector of passages is passed over when none can beat the threshold. The test is loosened by a
            // relative 2^-20, more than the rounding of one product, so it never passes over one that could: the exact
            // test below decides.
            if (Vector.IsHardwareAccelerated && p + width <= numerators.Length)
            {
                var values = new Vector<float>(numerators.Slice(p, width));
                var bar = divide ? new Vector<float>(denominators.Slice(p, width)) * (threshold * (1 - (1f / (1 << 20)))) : new Vector<float>(threshold);
                if (!Vector.GreaterThanAny(values, bar))
                {
                    p += width;
                    continue;
                }
            }

            var end = Vector.IsHardwareAccelerated ? Math.Min(p + width, numerators.Length) : numerators.Length;
            for (; p < end; p++)
            {
                var value = numerators[p];
                if (value == 0) continue;
                var score = divide ? value / denominators[p] : value;
                if (heap.Count < k ? score <= 0 : score <= threshold) continue;
                heap.Offer(new ScoredPassage(p, score));
                if (heap.IsFull && heap.Count > 0) threshold = (float)heap.Worst.Score;
            }
        }

        return heap.Drain();
    }
}
