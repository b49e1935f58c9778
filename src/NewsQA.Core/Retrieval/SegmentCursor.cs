using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Util;
using NewsQA.Core.Indexing;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// One query's enumerators over one segment: a terms enumerator per field and spare postings enumerators to reuse.
/// A new Lucene.Net enumerator clones its file handle (measured: a fifth of an English question's time), so they are
/// pooled per segment core, where they belong: every snapshot that keeps the segment reuses them, and a commit leaves
/// the pools of its unchanged segments warm. Rented only while a leased snapshot holds the core open.
/// </summary>
internal sealed class SegmentCursor
{
    /// <summary>The spare cursors of each segment core (dropped, file handles and all, when Lucene closes the core).</summary>
    internal static readonly PerSegment<ConcurrentBag<SegmentCursor>> Pools = PerSegment<ConcurrentBag<SegmentCursor>>.ByCore(_ => []);

    private readonly ConcurrentBag<SegmentCursor> _pool;
    private readonly Dictionary<string, TermsEnum?> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Stack<DocsEnum>> _spare = new(StringComparer.Ordinal);

    private SegmentCursor(ConcurrentBag<SegmentCursor> pool) => _pool = pool;

    /// <summary>A cursor over <paramref name="reader"/>'s core for one query on one thread; give it back with <see cref="Return"/>.</summary>
    public static SegmentCursor Rent(AtomicReader reader)
    {
        var pool = Pools.Of(reader);
        return pool.TryTake(out var cursor) ? cursor : new SegmentCursor(pool);
    }

    public void Return() => _pool.Add(this);

    /// <summary>The segment's terms enumerator of a field (from <paramref name="reader"/>, any reader of this core), or null.</summary>
    public TermsEnum? Terms(AtomicReader reader, string field)
    {
        if (!_enums.TryGetValue(field, out var terms)) _enums[field] = terms = reader.GetTerms(field)?.GetEnumerator();
        return terms;
    }

    /// <summary>The postings of the term <paramref name="terms"/> is positioned on, those <paramref name="accepted"/> only.</summary>
    public DocsEnum Docs(TermsEnum terms, string field, IBits? accepted)
    {
        var spare = Spare(field);
        return terms.Docs(accepted, spare.Count > 0 ? spare.Pop() : null, DocsFlags.FREQS);
    }

    /// <summary>Hands an enumerator from <see cref="Docs"/> back for reuse by a later term of the same field.</summary>
    public void Release(string field, DocsEnum docs) => Spare(field).Push(docs);

    private Stack<DocsEnum> Spare(string field)
    {
        if (!_spare.TryGetValue(field, out var stack)) _spare[field] = stack = new Stack<DocsEnum>();
        return stack;
    }
}
