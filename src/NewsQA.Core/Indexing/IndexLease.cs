namespace NewsQA.Core.Indexing;

/// <summary>
/// One reader's hold on a snapshot, from <see cref="LiveIndex.Acquire"/>: the snapshot stays open, unchanged, until the
/// lease is disposed, however many refreshes happen meanwhile. Take one per request or turn, and dispose it when the
/// answer is written (<c>using var lease = live.Acquire();</c>). Disposing twice releases once.
/// </summary>
public sealed class IndexLease : IDisposable
{
    private PassageIndex? _index;

    internal IndexLease(PassageIndex index) => _index = index;

    /// <summary>The snapshot this lease holds.</summary>
    public PassageIndex Index => _index ?? throw new ObjectDisposedException(nameof(IndexLease));

    public void Dispose() => Interlocked.Exchange(ref _index, null)?.DecRef();
}
