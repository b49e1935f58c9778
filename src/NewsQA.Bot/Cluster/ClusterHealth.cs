using System.Globalization;
using NewsQA.Core.Indexing;

namespace NewsQA.Bot.Cluster;

/// <summary>What /healthz says of a cluster process: the revision a snapshot was opened from, as the replicator names it.</summary>
public static class ClusterHealth
{
    /// <summary>The commit generation in hexadecimal, as Lucene's replicator writes versions (the same on the indexer and its replicas).</summary>
    public static string Revision(PassageIndex index) => index.Generation.ToString("X", CultureInfo.InvariantCulture);
}
