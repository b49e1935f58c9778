using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace NewsQA.Core.Indexing;

/// <summary>
/// One kind of data built per segment and shared by every snapshot that holds the segment, keyed by the segment's core
/// (what a segment holds for good: terms, stored fields, doc values) or by its reader (the core with one generation of
/// deletions, for counts over live documents). An entry is dropped when Lucene closes what it is keyed by, as Lucene's
/// own field cache is: a core once no open snapshot keeps its segment (a merge replaced it, or all its articles were
/// replaced), a reader once newer deletions replaced it and its last snapshot was released. Entries are also held
/// weakly, so a reader dropped without being closed does not keep its data.
/// </summary>
internal sealed class PerSegment<T>
    where T : class
{
    private readonly ConditionalWeakTable<object, T> _entries = new();
    private readonly Func<AtomicReader, T> _build;
    private readonly bool _byReader;

    private PerSegment(Func<AtomicReader, T> build, bool byReader)
    {
        _build = build;
        _byReader = byReader;
    }

    /// <summary>Data of a segment's core: the same whatever its deletions.</summary>
    public static PerSegment<T> ByCore(Func<AtomicReader, T> build) => new(build, byReader: false);

    /// <summary>Data of one reader of a segment: its core and its deletions together.</summary>
    public static PerSegment<T> ByReader(Func<AtomicReader, T> build) => new(build, byReader: true);

    /// <summary>The data of <paramref name="reader"/>'s segment, built on first use (the first of two concurrent builds is kept).</summary>
    public T Of(AtomicReader reader)
    {
        var key = Key(reader);
        if (_entries.TryGetValue(key, out var known)) return known;
        var built = _build(reader);
        if (!_entries.TryAdd(key, built))
        {
            if (!_entries.TryGetValue(key, out known)) return built;
            (built as IDisposable)?.Dispose();
            return known;
        }

        DropOnClose(reader, key);
        return built;
    }

    /// <summary>Whether data is kept for <paramref name="reader"/>'s segment: false once Lucene closed its core (or reader).</summary>
    public bool Holds(AtomicReader reader) => _entries.TryGetValue(Key(reader), out _);

    private object Key(AtomicReader reader) => _byReader ? reader.CombinedCoreAndDeletesKey : reader.CoreCacheKey;

    private void DropOnClose(AtomicReader reader, object key)
    {
        if (!_byReader && reader is SegmentReader segment) segment.AddCoreDisposedListener(new CoreClosed(_entries));
        else if (ReferenceEquals(key, reader)) reader.AddReaderDisposedListener(new ReaderClosed(_entries));
        // Otherwise (a wrapper keyed by what it wraps) the weak reference alone releases it.
    }

    // Data holding what the garbage collector does not free (mapped files, native graphs) is disposed with it.
    private static void Drop(ConditionalWeakTable<object, T> entries, object key)
    {
        if (entries.TryGetValue(key, out var entry) && entries.Remove(key)) (entry as IDisposable)?.Dispose();
    }

    private sealed class CoreClosed(ConditionalWeakTable<object, T> entries) : SegmentReader.ICoreDisposedListener
    {
        public void OnDispose(object ownerCoreCacheKey) => Drop(entries, ownerCoreCacheKey);
    }

    private sealed class ReaderClosed(ConditionalWeakTable<object, T> entries) : IReaderDisposedListener
    {
        public void OnDispose(IndexReader reader) => Drop(entries, reader);
    }
}
