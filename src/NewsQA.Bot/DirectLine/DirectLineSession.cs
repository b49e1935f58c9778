using System.Text.Json.Serialization;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// Direct Line's Conversation object, as the token, start, reconnect and refresh operations return it: the
/// conversation, a token for it and the seconds it lives, and (on start and reconnect) the WebSocket stream's URL; the
/// page's token also names the user it was issued to.
/// </summary>
public sealed record DirectLineSession(
    [property: JsonPropertyOrder(0)] string ConversationId,
    [property: JsonPropertyOrder(2)] string Token,
    [property: JsonPropertyOrder(3), JsonPropertyName("expires_in")] int ExpiresIn)
{
    [JsonPropertyOrder(1)]
    public string? UserId { get; init; }

    [JsonPropertyOrder(4)]
    public string? StreamUrl { get; init; }
}
