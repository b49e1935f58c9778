namespace NewsQA.Bot.Watching;

/// <summary>
/// Files seen to change, each held until it has settled: until its size and modification time (or its absence) have
/// stayed the same for the settle time since it was last seen to change. A file still being written keeps changing and
/// so keeps waiting; a deleted file settles as deleted. Time is given by the caller, so this is plain bookkeeping.
/// </summary>
public sealed class SettlingFiles(TimeSpan settleTime)
{
    private readonly Dictionary<string, (FileStamp? Stamp, DateTimeOffset Due)> _pending = new(StringComparer.Ordinal);

    public int Count => _pending.Count;

    /// <summary>When the next file may have settled; null when none is waiting.</summary>
    public DateTimeOffset? NextDue => _pending.Count == 0 ? null : _pending.Values.Min(p => p.Due);

    /// <summary>
    /// <paramref name="path"/> was seen as <paramref name="stamp"/> at <paramref name="now"/>: a change (a new stamp)
    /// starts its settle time again; the same stamp seen again changes nothing.
    /// </summary>
    public void Touch(string path, FileStamp? stamp, DateTimeOffset now)
    {
        if (_pending.TryGetValue(path, out var known) && known.Stamp == stamp) return;
        _pending[path] = (stamp, now + settleTime);
    }

    /// <summary>Holds <paramref name="path"/> until <paramref name="until"/> at least (a failed batch's retry).</summary>
    public void Hold(string path, FileStamp? stamp, DateTimeOffset until) => _pending[path] = (stamp, until);

    /// <summary>
    /// The files whose time is up and whose stamp, looked at now, is the one they settled with; they stop waiting.
    /// A file whose stamp moved meanwhile, or that <paramref name="beingWritten"/> says a writer still holds open (one
    /// that paused longer than the settle time), starts its settle time again.
    /// </summary>
    public List<string> TakeSettled(DateTimeOffset now, Func<string, FileStamp?> stampOf, Func<string, bool>? beingWritten = null)
    {
        var settled = new List<string>();
        foreach (var (path, (stamp, due)) in _pending.Where(p => p.Value.Due <= now).ToList())
        {
            var current = stampOf(path);
            if (current == stamp && (current is null || beingWritten?.Invoke(path) != true))
            {
                settled.Add(path);
                _pending.Remove(path);
            }
            else
            {
                _pending[path] = (current, now + settleTime);
            }
        }

        settled.Sort(StringComparer.Ordinal);
        return settled;
    }
}
