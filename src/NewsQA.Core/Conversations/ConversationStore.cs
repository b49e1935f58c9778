namespace NewsQA.Core.Conversations;

/// <summary>
/// The conversations a host keeps in memory, within <see cref="ConversationLimits"/>: bounded in number and in bytes,
/// each dropped after the idle time without a turn, so a public endpoint cannot grow memory without bound. The least
/// recently active conversation gives way first.
/// </summary>
public sealed class ConversationStore
{
    private readonly TimeProvider _clock;
    private readonly ConversationLimits _limits;
    private readonly ExpiringStore<Conversation> _store;

    public ConversationStore(TimeProvider clock, ConversationLimits? limits = null)
    {
        _clock = clock;
        _limits = limits ?? new ConversationLimits();
        _store = new(clock, _limits.Capacity, _limits.IdleTime, c => c.LastActivity, _limits.MaxTotalBytes);
    }

    public int Count => _store.Count;

    /// <summary>The bytes the conversations hold together (estimated, see <see cref="Conversation"/>).</summary>
    public long Bytes => _store.Bytes;

    /// <summary>The conversation with this id, created when new (or expired).</summary>
    public Conversation GetOrCreate(string id)
    {
        var (conversation, _) = _store.GetOrCreate(id, (key, now, account) => new Conversation(key, _limits.MaxTurns, now, _limits.MaxConversationBytes, account));
        conversation.Touch(_clock.GetUtcNow());
        return conversation;
    }

    /// <summary>The conversation with this id if it exists and has not expired.</summary>
    public Conversation? Find(string id) => _store.Find(id);
}
