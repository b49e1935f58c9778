namespace NewsQA.Core.Retrieval;

/// <summary>Keeps the k best of a stream of scored passages with a min-heap, in O(n log k).</summary>
public static class TopSelector
{
    /// <summary>The best <paramref name="k"/> candidates, best first; ties go to the lower passage number (stable order).</summary>
    public static List<ScoredPassage> Select(IEnumerable<ScoredPassage> candidates, int k)
    {
        var heap = new PriorityQueue<ScoredPassage, (double Score, int NegatedNumber)>(k + 1);
        foreach (var candidate in candidates)
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

        var result = new List<ScoredPassage>(heap.Count);
        while (heap.Count > 0) result.Add(heap.Dequeue());
        result.Reverse();
        return result;
    }
}
