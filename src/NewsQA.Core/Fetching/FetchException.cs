namespace NewsQA.Core.Fetching;

/// <summary>A page or feed could not be fetched; the message says why in a few words ("HTTP 404 Not Found", "timed out").</summary>
public sealed class FetchException(Uri url, string reason) : Exception($"{url}: {reason}")
{
    public Uri Url { get; } = url;

    public string Reason { get; } = reason;
}
