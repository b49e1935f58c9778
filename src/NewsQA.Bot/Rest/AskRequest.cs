namespace NewsQA.Bot.Rest;

/// <summary>The body of POST /api/ask: a question and, to follow up on earlier turns, a conversation id.</summary>
public sealed record AskRequest(string? Question, string? ConversationId);
