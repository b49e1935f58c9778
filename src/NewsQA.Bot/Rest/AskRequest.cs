namespace NewsQA.Bot.Rest;

/// <summary>The body of POST /api/ask: a question and, to follow up on earlier turns, a conversation id of the caller's choosing.</summary>
public sealed record AskRequest(string? Question, string? ConversationId)
{
    /// <summary>Longest conversation id accepted: ids are keys held in memory, and a GUID is 36 characters.</summary>
    public const int MaxConversationIdChars = 256;
}
