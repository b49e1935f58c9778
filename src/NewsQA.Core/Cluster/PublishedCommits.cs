using Lucene.Net.Index;

namespace NewsQA.Core.Cluster;

/// <summary>
/// The indexer's deletion policy: like Lucene's default it keeps only the last commit, except the commits a published
/// revision still holds (replicas may be copying their files). One instance is shared by every writer the indexer opens
/// (a writer per batch), so a hold outlives the writer that made the commit; a released commit's files go at the next
/// commit. This is what Lucene's SnapshotDeletionPolicy does for one long-lived writer.
/// </summary>
public sealed class PublishedCommits : IndexDeletionPolicy
{
    private readonly Dictionary<long, int> _holds = [];

    /// <summary>Keeps the files of the commit with this generation until <see cref="Release"/>.</summary>
    public void Hold(long generation)
    {
        lock (_holds) _holds[generation] = _holds.GetValueOrDefault(generation) + 1;
    }

    public void Release(long generation)
    {
        lock (_holds)
        {
            if (!_holds.TryGetValue(generation, out var count)) return;
            if (count <= 1) _holds.Remove(generation);
            else _holds[generation] = count - 1;
        }
    }

    /// <summary>Whether a commit with this generation is held.</summary>
    public bool Holds(long generation)
    {
        lock (_holds) return _holds.ContainsKey(generation);
    }

    public override void OnInit<T>(IList<T> commits) => OnCommit(commits);

    public override void OnCommit<T>(IList<T> commits)
    {
        for (var i = 0; i < commits.Count - 1; i++)
        {
            if (!Holds(commits[i].Generation)) commits[i].Delete();
        }
    }
}
