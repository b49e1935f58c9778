using System.Threading.Channels;
using Lucene.Net.Index;
using Lucene.Net.Replicator;

namespace NewsQA.Core.Cluster;

/// <summary>
/// The indexer's side of replication: each commit the live index moves to is published as a revision through
/// Lucene's <see cref="LocalReplicator"/>, which serves its files to replicas (the replication endpoint) and releases a
/// revision once a newer one is published and no replica is still copying it. Every writer the indexer opens uses
/// <see cref="Commits"/> as its deletion policy, so no published file is deleted under a copy. Each new version is
/// also offered on <see cref="Versions"/>, for the nudge that tells replicas at once.
/// </summary>
public sealed class IndexPublisher : IDisposable
{
    private readonly LocalReplicator _replicator = new();
    private readonly Channel<string> _versions = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly object _publishing = new();
    private long _generation = -1;

    /// <summary>The deletion policy of the indexer's writers: keeps the files of the revisions replicas may copy.</summary>
    public PublishedCommits Commits { get; } = new();

    /// <summary>What the replication endpoint serves.</summary>
    public IReplicator Replicator => _replicator;

    /// <summary>The newest published version (the commit generation in hexadecimal), or null before the first.</summary>
    public string? Version { get; private set; }

    /// <summary>Each newly published version, the latest kept when no one reads in between.</summary>
    public ChannelReader<string> Versions => _versions.Reader;

    /// <summary>Publishes <paramref name="commit"/> unless it is not newer than the last one published.</summary>
    public void Publish(IndexCommit commit)
    {
        lock (_publishing)
        {
            if (commit.Generation <= _generation) return;
            var revision = new CommitRevision(commit, Commits);
            _replicator.Publish(revision);
            _generation = commit.Generation;
            Version = revision.Version;
            _versions.Writer.TryWrite(revision.Version);
        }
    }

    public void Dispose()
    {
        _versions.Writer.TryComplete();
        _replicator.Dispose();
    }
}
