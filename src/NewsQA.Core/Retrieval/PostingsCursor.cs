using Lucene.Net.Index;
using Lucene.Net.Util;
using NewsQA.Core.Indexing;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Reads the postings of many terms of one snapshot, as a query does: one terms enumerator per segment and field, and
/// a term's state from the seek that gave its document frequency, so its postings open without a second seek.
/// Postings enumerators are handed back after a query and reset for the next term (<see cref="Release"/>). The
/// enumerators are rented per segment (<see cref="SegmentCursor"/>, pooled per segment core), so a query pays none of
/// their set-up after the first, including on a snapshot a commit has just made.
/// </summary>
internal sealed class PostingsCursor
{
    private readonly PassageIndex _index;
    private readonly SegmentCursor?[] _segments;

    private PostingsCursor(PassageIndex index)
    {
        _index = index;
        _segments = new SegmentCursor?[index.Segments.Count];
    }

    /// <summary>A cursor over <paramref name="index"/> for one query on one thread; give it back with <see cref="Return"/>.</summary>
    public static PostingsCursor Rent(PassageIndex index) => new(index);

    /// <summary>Gives the segments' enumerators back to their pools.</summary>
    public void Return()
    {
        for (var s = 0; s < _segments.Length; s++)
        {
            _segments[s]?.Return();
            _segments[s] = null;
        }
    }

    /// <summary>Where a term is, segment by segment, and its document frequency (deleted passages included).</summary>
    public (List<(int Segment, TermState State)> Places, int DocumentFrequency) Seek(Term term)
    {
        var places = new List<(int, TermState)>();
        var df = 0;
        for (var s = 0; s < _segments.Length; s++)
        {
            var terms = Terms(s, term.Field);
            if (terms is null || !terms.SeekExact(term.Bytes)) continue;
            df += terms.DocFreq;
            places.Add((s, terms.GetTermState()));
        }

        return (places, df);
    }

    /// <summary>The postings of a term at one of the places <see cref="Seek"/> found, those <paramref name="accepted"/> only.</summary>
    public DocsEnum Open(Term term, int segment, TermState state, IBits? accepted)
    {
        var terms = Terms(segment, term.Field)!;
        terms.SeekExact(term.Bytes, state);
        return Segment(segment).Docs(terms, term.Field, accepted);
    }

    /// <summary>Hands an enumerator from <see cref="Open"/> back for reuse by a later term of the same segment and field.</summary>
    public void Release(int segment, string field, DocsEnum docs) => Segment(segment).Release(field, docs);

    private SegmentCursor Segment(int segment) => _segments[segment] ??= SegmentCursor.Rent(_index.Segments[segment].AtomicReader);

    private TermsEnum? Terms(int segment, string field) => Segment(segment).Terms(_index.Segments[segment].AtomicReader, field);
}
