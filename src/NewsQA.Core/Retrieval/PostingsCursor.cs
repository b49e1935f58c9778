using Lucene.Net.Index;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Reads the postings of many terms of one snapshot, as a query does: one terms enumerator per segment and field,
/// reused from term to term (Lucene.Net's enumerators are costly to create), and a term's state from the seek that gave
/// its document frequency, so the postings are opened without seeking again.
/// </summary>
internal sealed class PostingsCursor(Indexing.PassageIndex index)
{
    private readonly Dictionary<(int Segment, string Field), TermsEnum?> _enums = [];

    /// <summary>Where a term is, segment by segment, and its document frequency (deleted passages included).</summary>
    public (List<(int Segment, TermState State)> Places, int DocumentFrequency) Seek(Term term)
    {
        var places = new List<(int, TermState)>();
        var df = 0;
        var segments = index.Segments;
        for (var s = 0; s < segments.Count; s++)
        {
            var terms = Enum(s, term.Field);
            if (terms is null || !terms.SeekExact(term.Bytes)) continue;
            df += terms.DocFreq;
            places.Add((s, terms.GetTermState()));
        }

        return (places, df);
    }

    /// <summary>The live postings of a term at one of the places <see cref="Seek"/> found, and the segment's first passage number.</summary>
    public (DocsEnum Docs, int DocBase) Open(Term term, int segment, TermState state)
    {
        var terms = Enum(segment, term.Field)!;
        terms.SeekExact(term.Bytes, state);
        var context = index.Segments[segment];
        return (terms.Docs(context.AtomicReader.LiveDocs, null, DocsFlags.FREQS), context.DocBase);
    }

    private TermsEnum? Enum(int segment, string field)
    {
        if (!_enums.TryGetValue((segment, field), out var terms))
        {
            terms = index.Segments[segment].AtomicReader.GetTerms(field)?.GetEnumerator();
            _enums[(segment, field)] = terms;
        }

        return terms;
    }
}
