namespace NewsQA.Core.Feeds;

/// <summary>One article page's ingestion: its link, what happened, and the document written or the reason it was not.</summary>
public sealed record IngestOutcome(IngestStatus Status, string Url, string? DocumentId, string? Path, string? Title, DateTimeOffset? Published, string? Reason)
{
    public static IngestOutcome Skipped(string url, string reason, string? documentId = null) => new(IngestStatus.Skipped, url, documentId, null, null, null, reason);

    public static IngestOutcome Failed(string url, string reason) => new(IngestStatus.Failed, url, null, null, null, null, reason);

    public static IngestOutcome SetAside(string url, string reason) => new(IngestStatus.SetAside, url, null, null, null, null, reason);
}
