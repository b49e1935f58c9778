using NewsQA.Core.Answering.Grounding;

namespace NewsQA.Bot.Hosting;

/// <summary>
/// Every link the bot writes: the address the service was reached at (a reply written later, outside the request,
/// links back to it), a citation's source page (its paragraph with the cited sentence highlighted), a Direct Line
/// conversation's stream, and an article of the admin API. Behind a reverse proxy the address is the one the proxy forwards (Host, and the scheme with
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED=true; see README, Teams).
/// </summary>
public sealed class SourceLinks
{
    /// <summary>The route of a source page; {passageId} is a passage's id, and start and length select the sentence.</summary>
    public const string SourcePageRoute = "/sources/{passageId}";

    /// <summary>The route Direct Line clients are given for a conversation's WebSocket stream.</summary>
    public const string DirectLinePrefix = "/v3/directline";

    /// <summary>The service's own address as this request reached it.</summary>
#pragma warning disable CA1822 // A service, so that every link is written by the one injected object.
    public Uri BaseAddress(HttpRequest request) => new($"{request.Scheme}://{request.Host}/");

    /// <summary>The source page of a citation, on the site: its paragraph with the cited sentence highlighted.</summary>
    public string SourcePage(Citation citation) =>
        $"/sources/{Uri.EscapeDataString(citation.Passage.Id)}?start={citation.Sentence.Start}&length={citation.Sentence.Length}";

    /// <summary>The source page of a citation, absolute, for a channel that opens it from elsewhere (Teams).</summary>
    public Uri SourcePage(Citation citation, Uri baseAddress) => new(baseAddress, SourcePage(citation));

    /// <summary>An article of the corpus, as the admin API serves it.</summary>
    public string Article(string documentId) => $"/api/articles/{Uri.EscapeDataString(documentId)}";

    /// <summary>A Direct Line conversation's WebSocket stream, opened with its own token, from where the watermark says.</summary>
    public string DirectLineStream(HttpRequest request, string conversationId, string streamToken, int? watermark) =>
        $"{(request.IsHttps ? "wss" : "ws")}://{request.Host}{DirectLinePrefix}/conversations/{Uri.EscapeDataString(conversationId)}/stream"
        + $"?t={Uri.EscapeDataString(streamToken)}" + (watermark is { } w ? $"&watermark={w}" : string.Empty);
#pragma warning restore CA1822
}
