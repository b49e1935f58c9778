using Lucene.Net.Index;
using NewsQA.Core.Cluster;
using NewsQA.Core.Indexing.Vectors;

namespace NewsQA.Core.Indexing;

/// <summary>
/// The one owner of the snapshot a running service answers from, reference-counted as Lucene's SearcherManager does
/// it: readers <see cref="Acquire"/> a lease on the current snapshot and dispose it when done; <see cref="Refresh"/>
/// opens the folder's newer commit (reusing the readers of unchanged segments, and with them everything built per
/// segment) and gives up the owner's reference on the old snapshot, which closes when its last lease is released, not
/// after a fixed time. So memory holds the current snapshot and those requests still in flight are reading, whatever
/// the pace of commits. With a provider's vectors, each new snapshot's vector index is warmed before leases get it
/// (a merged or new segment's matrix written and mapped, its graph's build started, as Lucene's reader warmers do), so
/// the first question after a merge does not pay for it; and vector files of segments merged away are deleted.
/// </summary>
public sealed class LiveIndex : IDisposable
{
    private readonly IndexFolder _folder;
    private readonly object _refreshing = new();
    private readonly VectorIndexSettings? _vectors;
    private readonly IGraphSource? _graphs;
    private volatile PassageIndex? _current;
    private IndexPublisher? _publisher;

    /// <summary>
    /// Owns <paramref name="initial"/> (a snapshot of <paramref name="folder"/>) and the folder from now on; with
    /// <paramref name="vectors"/>, warms the vector index of every snapshot it serves, asking <paramref name="graphs"/>
    /// (a replica's indexer) for each new segment's graph before building it.
    /// </summary>
    public LiveIndex(IndexFolder folder, PassageIndex initial, VectorIndexSettings? vectors = null, IGraphSource? graphs = null)
    {
        _folder = folder;
        _vectors = vectors;
        _graphs = graphs;
        VectorFiles.Sweep(folder.Path); // what a process that stopped before deleting them left
        Warm(initial);
        _current = initial;
    }

    /// <summary>The index folder's path (its vectors/ subfolder keeps what is derived from the index).</summary>
    public string FolderPath => _folder.Path;

    /// <summary>A lease on the current snapshot; dispose it when the request is done.</summary>
    public IndexLease Acquire()
    {
        while (true)
        {
            var current = _current ?? throw new ObjectDisposedException(nameof(LiveIndex));
            if (current.TryIncRef()) return new IndexLease(current);
            // Released between the read and the increment: a refresh replaced it, so the next read sees the newer one.
            if (ReferenceEquals(current, _current)) throw new InvalidOperationException("The current index snapshot was closed while still current.");
        }
    }

    /// <summary>
    /// A writer on this index's folder with the settings it was built with (one at a time: Lucene's write lock), for
    /// applying changes while the index is read; <see cref="Refresh"/> after its commit shows them.
    /// </summary>
    public PassageIndexWriter OpenWriter()
    {
        using var lease = Acquire();
        return PassageIndexWriter.Open(_folder.Directory, lease.Index.Settings, create: false, Volatile.Read(ref _publisher)?.Commits);
    }

    /// <summary>
    /// Publishes the current commit, and from now on every commit a refresh moves to, to the cluster's replicas; the
    /// writers opened from now on keep the files of what is published (see <see cref="IndexPublisher"/>).
    /// </summary>
    public void PublishTo(IndexPublisher publisher)
    {
        lock (_refreshing)
        {
            var current = _current ?? throw new ObjectDisposedException(nameof(LiveIndex));
            Volatile.Write(ref _publisher, publisher);
            publisher.Publish(current.Reader.IndexCommit);
        }
    }

    /// <summary>Opens the folder's latest commit if it is newer; true when new leases get it.</summary>
    public bool Refresh()
    {
        lock (_refreshing)
        {
            var current = _current ?? throw new ObjectDisposedException(nameof(LiveIndex));
            var newer = DirectoryReader.OpenIfChanged(current.Reader);
            if (newer is null) return false;
            var settings = IndexSettings.FromCommitData(newer.IndexCommit.UserData).Settings ?? current.Settings;
            var next = new PassageIndex(newer, settings);
            Warm(next);
            _current = next;
            current.Dispose(); // the owner's reference; leases still reading it keep it open until they are released
            _publisher?.Publish(newer.IndexCommit);
            return true;
        }
    }

    // Before leases get the snapshot; segments it shares with the previous one are already warm and cost a lookup.
    private void Warm(PassageIndex index)
    {
        if (_vectors is null || index.Settings.EmbedderId == PassageEncoder.OfflineId) return;
        foreach (var segment in index.Segments) SegmentVectors.Of(segment.AtomicReader, _vectors, _graphs);
    }

    public void Dispose()
    {
        lock (_refreshing)
        {
            var current = _current;
            _current = null;
            if (current is null) return;
            current.Dispose();
            _folder.Dispose();
        }
    }
}
