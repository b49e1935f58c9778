namespace NewsQA.Core.Feedback;

/// <summary>
/// One piece of feedback on an answer: the reaction (like or dislike) and comment, and what was judged: the question,
/// the answer as shown, and its cited passages with the cited sentence. Older lines carry the passage ids only.
/// </summary>
public sealed record FeedbackRecord(
    string? ConversationId,
    string? ReplyToId,
    string? Reaction,
    string? Comment,
    string? Question,
    IReadOnlyList<string> PassageIds,
    DateTimeOffset ReceivedAt = default)
{
    /// <summary>The answer text the feedback is about.</summary>
    public string? Answer { get; init; }

    /// <summary>The answer's citations: marker, passage, title, paragraph and cited sentence.</summary>
    public IReadOnlyList<FeedbackCitation> Citations { get; init; } = [];

    public bool IsDislike => string.Equals(Reaction, "dislike", StringComparison.OrdinalIgnoreCase);
}
