namespace NewsQA.Core.Conversations;

/// <summary>
/// How much a <see cref="ConversationStore"/> keeps: conversations at once, the idle time after which one is forgotten,
/// turns per conversation, and bytes per conversation and in total (as <see cref="Conversation"/> estimates them).
/// </summary>
public sealed record ConversationLimits(
    int Capacity = ConversationLimits.DefaultCapacity,
    TimeSpan? Idle = null,
    int MaxTurns = Conversation.DefaultMaxTurns,
    long MaxConversationBytes = long.MaxValue,
    long MaxTotalBytes = long.MaxValue)
{
    public const int DefaultCapacity = 10_000;

    public TimeSpan IdleTime => Idle ?? TimeSpan.FromMinutes(30);
}
