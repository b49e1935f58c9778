using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// The long postings lists of a segment, decoded once and kept as plain arrays. A benchmark question reads about
/// 300,000 postings at 100,000 passages, most of them in the lists of a few common stems and character 4-grams
/// (docs/lab/lexical-speed.md); Lucene.Net decodes each posting through two virtual calls and a block decoder every time,
/// which was most of the query's time. Read from arrays, the same postings cost a fraction of that, and the scores are
/// bit for bit the same: the same passages, in the same order, with the same term frequencies.
/// <para>
/// Segments never change once written, so a list decoded for one snapshot serves every later snapshot that keeps the
/// segment (keyed by the segment's core, which snapshots share); its memory is given back when Lucene closes the
/// segment (after a merge replaced it and no reader holds it). Lists are decoded with their deleted passages, which the
/// reader skips by the same accepted-passages bits Lucene consults. Only lists of at least
/// <see cref="MinimumLength"/> postings and a <see cref="MinimumShare"/> of their segment are kept, and no more than
/// the byte budget (Retrieval:PostingsCacheMegabytes) in all; past it, lists are read from the index as before.
/// </para>
/// </summary>
public sealed class PostingsCache
{
    /// <summary>Shorter lists are cheap to decode and not worth their memory.</summary>
    public const int MinimumLength = 512;

    /// <summary>The share of a segment's passages a kept list must hold (1/64): the common terms, where the cost is.</summary>
    public const double MinimumShare = 1.0 / 64;

    // Bytes per posting: the passage number and its term frequency.
    private const int PostingBytes = sizeof(int) + sizeof(byte);

    private readonly ConditionalWeakTable<object, Segment> _segments = new();
    private readonly long _budget;
    private readonly int _minimumLength;
    private long _used;

    /// <param name="budgetBytes">The most all kept lists may take; 0 keeps none.</param>
    /// <param name="minimumLength">The shortest list kept (tests lower it to reach small indexes).</param>
    public PostingsCache(long budgetBytes, int minimumLength = MinimumLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budgetBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumLength);
        _budget = budgetBytes;
        _minimumLength = minimumLength;
    }

    /// <summary>Bytes the kept lists take now.</summary>
    public long UsedBytes => Interlocked.Read(ref _used);

    /// <summary>
    /// The decoded postings of <paramref name="term"/> in <paramref name="segment"/> (deleted passages included), or null
    /// when the list is too short to keep, holds a term frequency above 255, or does not fit the budget.
    /// </summary>
    internal DecodedPostings? Get(AtomicReaderContext segment, int segmentNumber, Term term, TermState state, PostingsCursor cursor)
    {
        if (state is not BlockTermState { DocFreq: var documentFrequency }) return null;
        if (_budget == 0 || documentFrequency < _minimumLength || documentFrequency < segment.AtomicReader.MaxDoc * MinimumShare) return null;
        if (segment.AtomicReader is not SegmentReader reader) return null;
        var entries = _segments.GetValue(reader.CoreCacheKey, _ => Watch(reader));
        if (entries.Lists.TryGetValue(term, out var known)) return known;

        var bytes = (long)documentFrequency * PostingBytes;
        if (Interlocked.Add(ref _used, bytes) > _budget)
        {
            Interlocked.Add(ref _used, -bytes);
            return null;
        }

        var decoded = Decode(cursor, term, segmentNumber, state, documentFrequency);
        if (decoded is null || !entries.Lists.TryAdd(term, decoded))
        {
            // Not representable, or another query decoded the same list first: keep one copy.
            Interlocked.Add(ref _used, -bytes);
            return decoded is null ? null : entries.Lists.GetValueOrDefault(term);
        }

        Interlocked.Add(ref entries.Bytes, bytes);
        return decoded;
    }

    private static DecodedPostings? Decode(PostingsCursor cursor, Term term, int segment, TermState state, int documentFrequency)
    {
        var docs = cursor.Open(term, segment, state, accepted: null);
        try
        {
            var passages = new int[documentFrequency];
            var frequencies = new byte[documentFrequency];
            var n = 0;
            for (var d = docs.NextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.NextDoc())
            {
                var tf = docs.Freq;
                if (tf > byte.MaxValue || n == passages.Length) return null;
                passages[n] = d;
                frequencies[n++] = (byte)tf;
            }

            return n == passages.Length ? new DecodedPostings(passages, frequencies) : null;
        }
        finally
        {
            cursor.Release(segment, term.Field, docs);
        }
    }

    // The segment's lists, given back to the budget when Lucene closes the segment's core.
    private Segment Watch(SegmentReader reader)
    {
        var entries = new Segment();
        reader.AddCoreDisposedListener(new Release(this, entries));
        return entries;
    }

    private sealed class Segment
    {
        public readonly ConcurrentDictionary<Term, DecodedPostings> Lists = new();
        public long Bytes;
    }

    private sealed class Release(PostingsCache cache, Segment entries) : SegmentReader.ICoreDisposedListener
    {
        public void OnDispose(object ownerCoreCacheKey)
        {
            cache._segments.Remove(ownerCoreCacheKey);
            entries.Lists.Clear();
            Interlocked.Add(ref cache._used, -Interlocked.Exchange(ref entries.Bytes, 0));
        }
    }
}

/// <summary>One term's postings in one segment: passage numbers (segment-local, increasing) and term frequencies.</summary>
internal sealed record DecodedPostings(int[] Passages, byte[] Frequencies);
