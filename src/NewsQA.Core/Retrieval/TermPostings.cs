using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsQA.Core.Retrieval;

/// <summary>One term's postings: from its decoded list where <see cref="PostingsCache"/> keeps one, else from the index.</summary>
internal sealed class TermPostings(Term term, List<(int Segment, TermState State)> places, int documentFrequency) : PostingsSource
{
    public Term Term => term;

    public override int DocumentFrequency => documentFrequency;

    public override bool IsGram => term.Field == Indexing.IndexFields.Grams;

    public override string Name => term.Field == Indexing.IndexFields.Grams ? $"{Text.CharacterGrams.Marker}{term.Text}" : term.Text;

    /// <summary>The term's state in a segment (from the seek that found its document frequency), or null where it is absent.</summary>
    public TermState? StateIn(int segment)
    {
        foreach (var (s, state) in places)
        {
            if (s == segment) return state;
        }

        return null;
    }

    public override long Read(SegmentRead segment, IBits? accepted, ClauseSums sums)
    {
        if (StateIn(segment.Number) is not { } state) return 0;
        if (segment.Cache?.Get(segment.Context, segment.Number, term, state, segment.Cursor) is { } decoded) return ReadDecoded(decoded, accepted, sums);
        var docs = segment.Cursor.Open(term, segment.Number, state, accepted);
        try
        {
            long read = 0;
            for (var d = docs.NextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.NextDoc(), read++) sums.Add(d, docs.Freq);
            return read;
        }
        finally
        {
            segment.Cursor.Release(segment.Number, term.Field, docs);
        }
    }

    public override long ReadAt(SegmentRead segment, ReadOnlySpan<int> passages, ClauseSums sums)
    {
        if (passages.IsEmpty || StateIn(segment.Number) is not { } state) return 0;
        if (segment.Cache?.Get(segment.Context, segment.Number, term, state, segment.Cursor) is { } decoded) return ReadDecodedAt(decoded, passages, sums);
        var docs = segment.Cursor.Open(term, segment.Number, state, accepted: null);
        try
        {
            var (d, read) = (-1, 0L);
            foreach (var target in passages)
            {
                if (d < target)
                {
                    d = docs.Advance(target);
                    read++;
                }

                if (d == DocIdSetIterator.NO_MORE_DOCS) break;
                if (d == target) sums.Add(d, docs.Freq);
            }

            return read;
        }
        finally
        {
            segment.Cursor.Release(segment.Number, term.Field, docs);
        }
    }

    public override int FrequencyAt(SegmentRead segment, int passage)
    {
        if (StateIn(segment.Number) is not { } state) return 0;
        var docs = segment.Cursor.Open(term, segment.Number, state, accepted: null);
        try
        {
            return docs.Advance(passage) == passage ? docs.Freq : 0;
        }
        finally
        {
            segment.Cursor.Release(segment.Number, term.Field, docs);
        }
    }

    // The same postings in the same order from a list decoded once, so the same sums to the bit; passages the accepted
    // bits refuse (deleted, filtered) are skipped as Lucene would skip them.
    private static long ReadDecoded(DecodedPostings postings, IBits? accepted, ClauseSums sums)
    {
        var (passages, frequencies) = (postings.Passages, postings.Frequencies);
        long read = 0;
        for (var i = 0; i < passages.Length; i++)
        {
            var d = passages[i];
            if (accepted is not null && !accepted.Get(d)) continue;
            read++;
            sums.Add(d, frequencies[i]);
        }

        return read;
    }

    // Each passage found in the decoded list by galloping from the last one found: a few comparisons each, where the
    // list is far longer than the passages asked for.
    private static long ReadDecodedAt(DecodedPostings postings, ReadOnlySpan<int> passages, ClauseSums sums)
    {
        var list = postings.Passages;
        var (at, read) = (0, 0L);
        foreach (var target in passages)
        {
            at = FirstAtOrAfter(list, at, target);
            read++;
            if (at == list.Length) break;
            if (list[at] == target) sums.Add(target, postings.Frequencies[at]);
        }

        return read;
    }

    // The first index at or after `from` whose passage is at least `target` (or the list's length): exponential steps,
    // then a binary search between the last two.
    private static int FirstAtOrAfter(int[] list, int from, int target)
    {
        if (from >= list.Length || list[from] >= target) return from;
        var (below, step) = (from, 1);
        while (below + step < list.Length && list[below + step] < target)
        {
            below += step;
            step <<= 1;
        }

        var end = Math.Min(below + step, list.Length);
        var found = list.AsSpan(below + 1, end - below - 1).BinarySearch(target);
        return below + 1 + (found < 0 ? ~found : found);
    }
}
