using System.Globalization;
using NewsQA.Core.Cluster;
using NewsQA.Core.Indexing;

namespace NewsQA.Bot.Cluster;

/// <summary>
/// What /healthz says of a cluster process: the revision a snapshot was opened from, as the replicator names it; an
/// answer of a cluster process names, in a header, the revision it was answered from (both retrieval legs read the one
/// snapshot the request leased), so a caller can tell it is the one /healthz reports.
/// </summary>
public static class ClusterHealth
{
    /// <summary>The response header of /api/ask and /api/ask/stream that names the revision answered from (cluster roles only).</summary>
    public const string RevisionHeader = "NewsQA-Index-Revision";

    /// <summary>Names the revision of <paramref name="index"/> in <paramref name="response"/>'s headers, on a cluster process only.</summary>
    public static void TellRevision(HttpResponse response, PassageIndex index, ClusterOptions cluster)
    {
        if (cluster.Clustered) response.Headers[RevisionHeader] = Revision(index);
    }

    /// <summary>The commit generation in hexadecimal, as Lucene's replicator writes versions (the same on the indexer and its replicas).</summary>
    public static string Revision(PassageIndex index) => index.Generation.ToString("X", CultureInfo.InvariantCulture);
}
