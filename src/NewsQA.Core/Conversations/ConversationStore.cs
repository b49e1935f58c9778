namespace NewsQA.Core.Conversations;

/// <summary>
/// The conversations one process keeps in memory, within <see cref="ConversationLimits"/>: bounded in number and in
/// bytes, each dropped after the idle time without a turn, so a public endpoint cannot grow memory without bound. The
/// least recently active conversation gives way first. A turn works on a copy and saves it back only if no other turn
/// saved meanwhile (<see cref="IConversationStore"/>); answered activities are remembered for the idle time.
/// </summary>
public sealed class ConversationStore : IConversationStore
{
    private readonly TimeProvider _clock;
    private readonly ConversationLimits _limits;
    private readonly ExpiringStore<Conversation> _store;
    private readonly ExpiringStore<AnsweredTurn> _answered;
    private readonly Lock _saving = new();

    public ConversationStore(TimeProvider clock, ConversationLimits? limits = null)
    {
        _clock = clock;
        _limits = limits ?? new ConversationLimits();
        _store = new(clock, _limits.Capacity, _limits.IdleTime, c => c.LastActivity, _limits.MaxTotalBytes);
        // As many answered activities as the conversations kept could have turns.
        _answered = new(clock, _limits.Capacity * _limits.MaxTurns, _limits.IdleTime, a => a.At);
    }

    public int Count => _store.Count;

    /// <summary>The bytes the conversations hold together (estimated, see <see cref="Conversation"/>).</summary>
    public long Bytes => _store.Bytes;

    public Task<ConversationLoad> LoadAsync(string id, string? turnKey, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var answered = turnKey is not null && _answered.Find(turnKey) is not null;
        Conversation copy;
        lock (_saving)
        {
            var stored = Find(id);
            stored?.Touch(now);
            copy = new Conversation(id, _limits.MaxTurns, now, _limits.MaxConversationBytes) { Version = stored?.Version ?? 0 };
            if (stored is not null) copy.Restore(stored.Turns, now);
        }

        return Task.FromResult(new ConversationLoad(copy, answered));
    }

    public Task<SaveOutcome> SaveAsync(Conversation conversation, string? turnKey, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        lock (_saving)
        {
            if (turnKey is not null && _answered.Find(turnKey) is not null) return Task.FromResult(SaveOutcome.AlreadyAnswered);
            // A turn that added nothing (a welcome, feedback) has nothing to conflict with: only its activity is recorded.
            var stored = Find(conversation.Id);
            if (conversation.Changed && (stored?.Version ?? 0) != conversation.Version) return Task.FromResult(SaveOutcome.Changed);
            if (conversation.Changed)
            {
                var (target, _) = _store.GetOrCreate(conversation.Id, (key, created, account) => Create(key, created, account, 0));
                target.ReplaceWith(conversation, now);
                target.Version++;
            }

            if (turnKey is not null) _answered.GetOrCreate(turnKey, (_, at, _) => new AnsweredTurn(at));
        }

        return Task.FromResult(SaveOutcome.Saved);
    }

    /// <summary>The conversation with this id, created when new (or expired).</summary>
    internal Conversation GetOrCreate(string id)
    {
        var (conversation, _) = _store.GetOrCreate(id, (key, now, account) => Create(key, now, account, 0));
        conversation.Touch(_clock.GetUtcNow());
        return conversation;
    }

    /// <summary>The conversation with this id if it exists and has not expired.</summary>
    internal Conversation? Find(string id) => _store.Find(id);

    private Conversation Create(string id, DateTimeOffset now, ByteAccount? account, long version) =>
        new(id, _limits.MaxTurns, now, _limits.MaxConversationBytes, account) { Version = version };

    private sealed record AnsweredTurn(DateTimeOffset At);
}
