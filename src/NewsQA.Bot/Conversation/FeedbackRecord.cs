namespace NewsQA.Bot.Conversation;

/// <summary>One piece of feedback on an answer.</summary>
public sealed record FeedbackRecord(
    string? ConversationId,
    string? ReplyToId,
    string? Reaction,
    string? Comment,
    string? Question,
    IReadOnlyList<string> PassageIds,
    DateTimeOffset ReceivedAt = default);
