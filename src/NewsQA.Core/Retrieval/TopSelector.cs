namespace NewsQA.Core.Retrieval;

/// <summary>Keeps the k best of a stream of scored passages with a min-heap, in O(n log k).</summary>
public static class TopSelector
{
    /// <summary>The best <paramref name="k"/> candidates, best first; ties go to the lower passage number (stable order).</summary>
    public static List<ScoredPassage> Select(IEnumerable<ScoredPassage> candidates, int k)
    {
        var heap = new PriorityQueue<ScoredPassage, (double Score, int NegatedNumber)>(k + 1);
        foreach (var candidate in candidates) Offer(heap, candidate, k);
        return Drain(heap);
    }

    /// <summary>
    /// The best <paramref name="k"/> passages of a score array (passage number = position), only those scoring above
    /// zero; best first, ties to the lower passage number. Once the heap is full, a score must beat its worst to enter,
    /// so most of the scan is one comparison per passage.
    /// </summary>
    public static List<ScoredPassage> Select(ReadOnlySpan<float> scores, int k)
    {
        var heap = new PriorityQueue<ScoredPassage, (double Score, int NegatedNumber)>(k + 1);
        var threshold = 0f;
        for (var p = 0; p < scores.Length; p++)
        {
            var score = scores[p];
            if (heap.Count < k ? score <= 0 : score <= threshold) continue;
            Offer(heap, new ScoredPassage(p, score), k);
            if (heap.Count == k && heap.TryPeek(out var worst, out _)) threshold = (float)worst.Score;
        }

        return Drain(heap);
    }

    private static void Offer(PriorityQueue<ScoredPassage, (double Score, int NegatedNumber)> heap, ScoredPassage candidate, int k)
    {
        var priority = (candidate.Score, -candidate.PassageNumber);
        if (heap.Count < k)
        {
            heap.Enqueue(candidate, priority);
        }
        else if (heap.TryPeek(out _, out var worst) && priority.CompareTo(worst) > 0)
        {
            heap.EnqueueDequeue(candidate, priority);
        }
    }

    private static List<ScoredPassage> Drain(PriorityQueue<ScoredPassage, (double Score, int NegatedNumber)> heap)
    {
        var result = new List<ScoredPassage>(heap.Count);
        while (heap.Count > 0) result.Add(heap.Dequeue());
        result.Reverse();
        return result;
    }
}
