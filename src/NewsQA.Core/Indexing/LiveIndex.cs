using Lucene.Net.Index;

namespace NewsQA.Core.Indexing;

/// <summary>
/// The index a running service answers from, refreshed without a restart: <see cref="Refresh"/> opens a new snapshot
/// when the folder has a newer commit (reusing the readers of unchanged segments, as Lucene's SearcherManager does).
/// A replaced snapshot is released only after <see cref="RetireAfter"/>, so a request still reading it finishes on
/// the snapshot it started with (the age-based pruning of Lucene's SearcherLifetimeManager).
/// </summary>
public sealed class LiveIndex(IndexFolder folder, PassageIndex initial, TimeProvider clock) : IDisposable
{
    /// <summary>How long a replaced snapshot stays readable: longer than any request, provider timeout included.</summary>
    public static readonly TimeSpan RetireAfter = TimeSpan.FromMinutes(5);

    private readonly object _gate = new();
    private readonly Queue<(PassageIndex Index, DateTimeOffset Retired)> _retired = new();
    private volatile PassageIndex _current = initial;

    public PassageIndex Current => _current;

    /// <summary>
    /// A writer on this index's folder with the settings it was built with (one at a time: Lucene's write lock), for
    /// applying changes while the index is read; <see cref="Refresh"/> after its commit shows them.
    /// </summary>
    public PassageIndexWriter OpenWriter() => PassageIndexWriter.Open(folder.Directory, _current.Settings, create: false);

    /// <summary>Opens the folder's latest commit if it is newer; true when <see cref="Current"/> changed.</summary>
    public bool Refresh()
    {
        lock (_gate)
        {
            var newer = DirectoryReader.OpenIfChanged(_current.Reader);
            ReleaseOld();
            if (newer is null) return false;
            var settings = IndexSettings.FromCommitData(newer.IndexCommit.UserData).Settings ?? _current.Settings;
            _retired.Enqueue((_current, clock.GetUtcNow()));
            _current = new PassageIndex(newer, settings);
            return true;
        }
    }

    private void ReleaseOld()
    {
        while (_retired.TryPeek(out var oldest) && clock.GetUtcNow() - oldest.Retired >= RetireAfter) _retired.Dequeue().Index.Dispose();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            while (_retired.TryDequeue(out var old)) old.Index.Dispose();
            _current.Dispose();
            folder.Dispose();
        }
    }
}
