namespace NewsQA.Bot.Rest;

/// <summary>
/// GET /healthz: "ready" with the index's documents and passages, the changed files still waiting to be applied, the
/// process's working set, its managed heap at the last collection and what the conversations hold (as their stores
/// estimate it); or "loading" alone, while the start-up indexing runs (on a cluster's replica: until it holds its
/// first revision). In a cluster, also the process's role and the revision it answers from.
/// </summary>
public sealed record HealthReport(string Status, int? Documents = null, int? Passages = null, int? PendingChanges = null, long? WorkingSetBytes = null)
{
    public long? ManagedHeapBytes { get; init; }

    public long? ConversationBytes { get; init; }

    /// <summary>Indexer or Replica; absent for a standalone process.</summary>
    public string? Role { get; init; }

    /// <summary>The index revision answered from (the commit generation in hexadecimal, as the replicator names it); cluster only.</summary>
    public string? Revision { get; init; }
}
