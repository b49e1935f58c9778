namespace NewsQA.Core.Fetching;

/// <summary>What a server said identifies the version it sent (ETag, Last-Modified), for a conditional request next time.</summary>
public sealed record FetchValidators(string? ETag, DateTimeOffset? LastModified)
{
    public bool IsEmpty => ETag is null && LastModified is null;
}
