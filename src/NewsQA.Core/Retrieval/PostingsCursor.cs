using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using NewsQA.Core.Indexing;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Reads the postings of many terms of one snapshot, as a query does: one terms enumerator per segment and field, and
/// a term's state from the seek that gave its document frequency, so its postings open without a second seek.
/// Postings enumerators are handed back after a query and reset for the next term (<see cref="Release"/>): a new
/// Lucene.Net enumerator clones its file handle, which measured a fifth of an English question's time. Cursors are
/// pooled per snapshot (<see cref="Rent"/>), so a query pays none of that set-up after the first.
/// </summary>
internal sealed class PostingsCursor
{
    private static readonly ConditionalWeakTable<PassageIndex, ConcurrentBag<PostingsCursor>> Pools = new();

    private readonly PassageIndex _index;
    private readonly ConcurrentBag<PostingsCursor> _pool;
    private readonly Dictionary<(int Segment, string Field), TermsEnum?> _enums = [];
    private readonly Dictionary<(int Segment, string Field), Stack<DocsEnum>> _spare = [];

    private PostingsCursor(PassageIndex index, ConcurrentBag<PostingsCursor> pool)
    {
        _index = index;
        _pool = pool;
    }

    /// <summary>A cursor over <paramref name="index"/> for one query on one thread; give it back with <see cref="Return"/>.</summary>
    public static PostingsCursor Rent(PassageIndex index)
    {
        var pool = Pools.GetValue(index, _ => []);
        return pool.TryTake(out var cursor) ? cursor : new PostingsCursor(index, pool);
    }

    public void Return() => _pool.Add(this);

    /// <summary>Where a term is, segment by segment, and its document frequency (deleted passages included).</summary>
    public (List<(int Segment, TermState State)> Places, int DocumentFrequency) Seek(Term term)
    {
        var places = new List<(int, TermState)>();
        var df = 0;
        var segments = _index.Segments;
        for (var s = 0; s < segments.Count; s++)
        {
            var terms = Enum(s, term.Field);
            if (terms is null || !terms.SeekExact(term.Bytes)) continue;
            df += terms.DocFreq;
            places.Add((s, terms.GetTermState()));
        }

        return (places, df);
    }

    /// <summary>The postings of a term at one of the places <see cref="Seek"/> found, those <paramref name="accepted"/> only.</summary>
    public DocsEnum Open(Term term, int segment, TermState state, IBits? accepted)
    {
        var terms = Enum(segment, term.Field)!;
        terms.SeekExact(term.Bytes, state);
        var spare = Spare(segment, term.Field);
        return terms.Docs(accepted, spare.Count > 0 ? spare.Pop() : null, DocsFlags.FREQS);
    }

    /// <summary>Hands an enumerator from <see cref="Open"/> back for reuse by a later term of the same segment and field.</summary>
    public void Release(int segment, string field, DocsEnum docs) => Spare(segment, field).Push(docs);

    private Stack<DocsEnum> Spare(int segment, string field)
    {
        if (!_spare.TryGetValue((segment, field), out var stack)) _spare[(segment, field)] = stack = new Stack<DocsEnum>();
        return stack;
    }

    private TermsEnum? Enum(int segment, string field)
    {
        if (!_enums.TryGetValue((segment, field), out var terms))
        {
            terms = _index.Segments[segment].AtomicReader.GetTerms(field)?.GetEnumerator();
            _enums[(segment, field)] = terms;
        }

        return terms;
    }
}
