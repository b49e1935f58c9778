using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace NewsQA.Core.Indexing;

/// <summary>
/// A segment's term statistics as answering asks for them, question after question: a term's document frequency (a
/// terms-dictionary seek; kept per segment core, since Lucene counts deleted documents in it too) and a synonym
/// group's count of live passages holding any member (a walk over each member's postings; kept per segment reader,
/// since deletions change it). Shared by every snapshot that keeps the segment, so a refresh starts warm on all but
/// its new segments. Each table is bounded by the segment's size, so together they hold about what one whole-index
/// table of the old design held, and a stream of never-repeated words cannot grow them without end.
/// </summary>
internal sealed class SegmentFrequencies
{
    private const int MinEntries = 4_096;
    private const int MaxEntries = 200_000;

    private static readonly PerSegment<SegmentFrequencies> ByCore = PerSegment<SegmentFrequencies>.ByCore(reader => new SegmentFrequencies(reader, 1));
    private static readonly PerSegment<SegmentFrequencies> ByReader = PerSegment<SegmentFrequencies>.ByReader(reader => new SegmentFrequencies(reader, 4));

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly int _bound;

    private SegmentFrequencies(AtomicReader reader, int divisor) => _bound = Math.Clamp(reader.MaxDoc / divisor, MinEntries / divisor, MaxEntries / divisor);

    /// <summary>Document frequency of a Lucene term in the segment (deleted documents included, as Lucene counts it).</summary>
    public static int DocumentFrequency(AtomicReader reader, string key, Term term) =>
        ByCore.Of(reader).Count(key, () => reader.DocFreq(term));

    /// <summary>Live passages of the segment holding at least one of <paramref name="terms"/>; <paramref name="key"/> names the group.</summary>
    public static int GroupFrequency(AtomicReader reader, string key, IEnumerable<Term> terms) =>
        ByReader.Of(reader).Count(key, () => Union(reader, terms));

    private int Count(string key, Func<int> count)
    {
        if (_counts.TryGetValue(key, out var known)) return known;
        var value = count();
        if (_counts.Count >= _bound) _counts.Clear();
        return _counts[key] = value;
    }

    private static int Union(AtomicReader reader, IEnumerable<Term> terms)
    {
        var union = new FixedBitSet(Math.Max(1, reader.MaxDoc));
        foreach (var term in terms)
        {
            foreach (var doc in SegmentPostings.Of(reader, term, reader.LiveDocs)) union.Set(doc);
        }

        return union.Cardinality;
    }
}
