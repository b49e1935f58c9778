namespace NewsQA.Core.Cluster;

/// <summary>What one NewsQA process does in a deployment (Cluster:Role).</summary>
public enum ClusterRole
{
    /// <summary>One process: its own index writer, folder watcher, feeds and admin API; nothing else needed.</summary>
    Standalone,

    /// <summary>The one index writer of a cluster: watcher, feeds, admin articles; publishes each commit to the replicas.</summary>
    Indexer,

    /// <summary>A read-only copy of the indexer's index, pulled after each commit; answers every channel.</summary>
    Replica,
}
