using System.Collections.Concurrent;

namespace NewsQA.Core.Conversations;

/// <summary>
/// The conversations a host keeps in memory: at most <c>capacity</c> of them, each dropped after <c>idle</c> without a
/// turn, so a public endpoint cannot grow memory without bound. The least recently active conversation gives way first.
/// </summary>
public sealed class ConversationStore(TimeProvider clock, int capacity = ConversationStore.DefaultCapacity, TimeSpan? idle = null, int maxTurns = Conversation.DefaultMaxTurns)
{
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly TimeSpan _idle = idle ?? TimeSpan.FromMinutes(30);

    public int Count => _conversations.Count;

    /// <summary>The conversation with this id, created when new (or expired).</summary>
    public Conversation GetOrCreate(string id)
    {
        Sweep();
        var now = clock.GetUtcNow();
        var conversation = _conversations.AddOrUpdate(id,
            key => new Conversation(key, maxTurns, now),
            (key, existing) => now - existing.LastActivity > _idle ? new Conversation(key, maxTurns, now) : existing);
        conversation.Touch(now);
        return conversation;
    }

    /// <summary>The conversation with this id if it exists and has not expired.</summary>
    public Conversation? Find(string id)
    {
        if (!_conversations.TryGetValue(id, out var conversation)) return null;
        if (clock.GetUtcNow() - conversation.LastActivity <= _idle) return conversation;
        _conversations.TryRemove(id, out _);
        return null;
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, conversation) in _conversations)
        {
            if (now - conversation.LastActivity > _idle) _conversations.TryRemove(id, out _);
        }

        var excess = _conversations.Count - capacity + 1;
        if (excess <= 0) return;
        foreach (var (id, _) in _conversations.OrderBy(c => c.Value.LastActivity).Take(excess).ToList()) _conversations.TryRemove(id, out _);
    }
}
