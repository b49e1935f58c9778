namespace NewsQA.Core.Conversations;

/// <summary>
/// The recent turns of one conversation, bounded: follow-ups only ever look a few turns back, and a long chat must not
/// grow without limit.
/// </summary>
public sealed class Conversation(string id, int maxTurns = Conversation.DefaultMaxTurns, DateTimeOffset? created = null)
{
    public const int DefaultMaxTurns = 6;

    private readonly List<ConversationTurn> _turns = [];
    private readonly Lock _gate = new();

    public string Id { get; } = id;

    public DateTimeOffset LastActivity { get; private set; } = created ?? DateTimeOffset.UtcNow;

    /// <summary>Marks the conversation as in use now, so an idle-expiry store keeps it.</summary>
    public void Touch(DateTimeOffset now)
    {
        lock (_gate) if (now > LastActivity) LastActivity = now;
    }

    /// <summary>The turns, oldest first.</summary>
    public IReadOnlyList<ConversationTurn> Turns
    {
        get
        {
            lock (_gate) return [.. _turns];
        }
    }

    public ConversationTurn? Last
    {
        get
        {
            lock (_gate) return _turns.Count > 0 ? _turns[^1] : null;
        }
    }

    public void Add(ConversationTurn turn, DateTimeOffset now)
    {
        lock (_gate)
        {
            _turns.Add(turn);
            if (_turns.Count > maxTurns) _turns.RemoveAt(0);
            LastActivity = now;
        }
    }
}
