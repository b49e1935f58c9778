namespace NewsQA.Core.Conversations;

/// <summary>
/// The conversations a host keeps in memory: at most <c>capacity</c> of them, each dropped after <c>idle</c> without a
/// turn, so a public endpoint cannot grow memory without bound. The least recently active conversation gives way first.
/// </summary>
public sealed class ConversationStore(TimeProvider clock, int capacity = ConversationStore.DefaultCapacity, TimeSpan? idle = null, int maxTurns = Conversation.DefaultMaxTurns)
{
    public const int DefaultCapacity = 10_000;

    private readonly ExpiringStore<Conversation> _store = new(clock, capacity, idle ?? TimeSpan.FromMinutes(30), c => c.LastActivity);

    public int Count => _store.Count;

    /// <summary>The conversation with this id, created when new (or expired).</summary>
    public Conversation GetOrCreate(string id)
    {
        var (conversation, _) = _store.GetOrCreate(id, (key, now) => new Conversation(key, maxTurns, now));
        conversation.Touch(clock.GetUtcNow());
        return conversation;
    }

    /// <summary>The conversation with this id if it exists and has not expired.</summary>
    public Conversation? Find(string id) => _store.Find(id);
}
