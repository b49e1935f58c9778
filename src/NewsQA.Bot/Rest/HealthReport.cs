namespace NewsQA.Bot.Rest;

/// <summary>
/// GET /healthz: "ready" with the index's documents and passages, the changed files still waiting to be applied and
/// the process's working set; or "loading" alone, while the start-up indexing runs.
/// </summary>
public sealed record HealthReport(string Status, int? Documents = null, int? Passages = null, int? PendingChanges = null, long? WorkingSetBytes = null);
