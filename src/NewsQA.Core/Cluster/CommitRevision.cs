using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Replicator;
using Lucene.Net.Store;

namespace NewsQA.Core.Cluster;

/// <summary>
/// One commit of the indexer's index as a Lucene replicator revision: its files (segments_N last) and its generation as
/// the version, as Lucene's IndexRevision has them, but held by <see cref="PublishedCommits"/> rather than by one
/// writer's snapshot, because the indexer closes its writer after each batch. Released by the replicator once a newer
/// revision is published and no replica is copying this one.
/// </summary>
public sealed class CommitRevision : IRevision
{
    private readonly IndexCommit _commit;
    private readonly PublishedCommits _holds;
    private int _released;

    public CommitRevision(IndexCommit commit, PublishedCommits holds)
    {
        _commit = commit;
        _holds = holds;
        holds.Hold(commit.Generation);
        Version = IndexRevision.RevisionVersion(commit);
        SourceFiles = IndexRevision.RevisionFiles(commit);
    }

    public long Generation => _commit.Generation;

    public string Version { get; }

    public IDictionary<string, IList<RevisionFile>> SourceFiles { get; }

    public int CompareTo(string version) => _commit.Generation.CompareTo(long.Parse(version, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    public int CompareTo(IRevision? other) => other is null ? 1 : CompareTo(other.Version);

    public Stream Open(string source, string fileName) => new IndexInputStream(_commit.Directory.OpenInput(fileName, IOContext.READ_ONCE));

    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _holds.Release(_commit.Generation);
    }
}
