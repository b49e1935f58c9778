namespace NewsQA.Core.Fetching;

/// <summary>
/// A fetched page or feed: the address it came from after redirects, its bytes (null when the server answered 304 Not
/// Modified), its content type and the validators for the next conditional request.
/// </summary>
public sealed record FetchedResource(Uri Url, byte[]? Body, string? ContentType, string? Charset, FetchValidators Validators)
{
    public bool NotModified => Body is null;
}
