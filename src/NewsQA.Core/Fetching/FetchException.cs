namespace NewsQA.Core.Fetching;

/// <summary>
/// A page or feed could not be fetched; the message says why in a few words ("HTTP 404 Not Found", "timed out").
/// <see cref="Refused"/> when NewsQA would not connect (an address that is not public): fetching it again cannot help.
/// </summary>
public sealed class FetchException(Uri url, string reason, bool refused = false) : Exception($"{url}: {reason}")
{
    public Uri Url { get; } = url;

    public string Reason { get; } = reason;

    public bool Refused { get; } = refused;
}
