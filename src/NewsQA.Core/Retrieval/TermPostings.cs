using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsQA.Core.Retrieval;

/// <summary>One term's postings: from its decoded list where <see cref="PostingsCache"/> keeps one, else from the index.</summary>
internal sealed class TermPostings(Term term, List<(int Segment, TermState State)> places, int documentFrequency) : PostingsSource
{
    public Term Term => term;

    public override int DocumentFrequency => documentFrequency;

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
}
