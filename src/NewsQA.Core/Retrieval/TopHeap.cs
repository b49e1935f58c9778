namespace NewsQA.Core.Retrieval;

/// <summary>
/// The best k scored passages met so far, as a binary min-heap whose root is the worst of them: a lower score, or on an
/// equal score the higher passage number, is worse. The same order as <see cref="PriorityQueue{TElement, TPriority}"/>
/// over (score, −passage number), compared inline: picking each leg's 400 candidates went through that queue's tuple
/// comparer, a sixth of a question's lexical search at 100,000 passages.
/// </summary>
internal sealed class TopHeap(int k)
{
    private readonly ScoredPassage[] _items = new ScoredPassage[Math.Max(k, 0)];
    private int _count;

    public int Count => _count;

    public bool IsFull => _count == _items.Length;

    /// <summary>The worst of the kept passages (the heap's root); only when <see cref="Count"/> is above 0.</summary>
    public ScoredPassage Worst => _items[0];

    public void Offer(ScoredPassage candidate)
    {
        if (_count < _items.Length)
        {
            var i = _count++;
            while (i > 0 && Worse(candidate, _items[(i - 1) / 2]))
            {
                _items[i] = _items[(i - 1) / 2];
                i = (i - 1) / 2;
            }

            _items[i] = candidate;
        }
        else if (_count > 0 && Worse(_items[0], candidate))
        {
            SiftDown(candidate);
        }
    }

    /// <summary>The kept passages, best first.</summary>
    public List<ScoredPassage> Drain()
    {
        var result = new List<ScoredPassage>(_items.AsSpan(0, _count).ToArray());
        result.Sort(static (a, b) => Worse(a, b) ? 1 : Worse(b, a) ? -1 : 0);
        _count = 0;
        return result;
    }

    private static bool Worse(ScoredPassage a, ScoredPassage b)
    {
        var order = a.Score.CompareTo(b.Score);
        return order < 0 || (order == 0 && a.PassageNumber > b.PassageNumber);
    }

    // The root replaced by the candidate, moved down past its worse children.
    private void SiftDown(ScoredPassage candidate)
    {
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= _count) break;
            if (child + 1 < _count && Worse(_items[child + 1], _items[child])) child++;
            if (!Worse(_items[child], candidate)) break;
            _items[i] = _items[child];
            i = child;
        }

        _items[i] = candidate;
    }
}
