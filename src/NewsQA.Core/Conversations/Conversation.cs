using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Conversations;

/// <summary>
/// The recent turns of one conversation, bounded in number and in bytes: follow-ups only ever look a few turns back,
/// and a long chat must not grow without limit. A turn's bytes are estimated as the UTF-16 size of its question,
/// standalone question and answer text, a fixed share per citation, and the text of each cited passage: an answer
/// holds the passages as they were read for it (every read from the index decodes its own copy), so a budget that
/// left them out held several times its figure. The newest turn is always kept.
/// </summary>
public sealed class Conversation(string id, int maxTurns = Conversation.DefaultMaxTurns, DateTimeOffset? created = null, long maxBytes = long.MaxValue, ByteAccount? account = null)
{
    public const int DefaultMaxTurns = 6;

    // The turn record, its answer and their lists; and a citation with its span (the passage itself is the index's).
    private const int TurnOverheadBytes = 256;
    private const int CitationBytes = 64;

    private readonly List<(ConversationTurn Turn, long Bytes)> _turns = [];
    private readonly Lock _gate = new();
    private long _bytes;

    public string Id { get; } = id;

    /// <summary>
    /// The version of the stored conversation this one was loaded from (0 for a new one): an
    /// <see cref="IConversationStore"/> saves it only while the store still holds that version.
    /// </summary>
    public long Version { get; internal set; }

    /// <summary>Whether a turn was added since the conversation was made or loaded.</summary>
    public bool Changed { get; private set; }

    public DateTimeOffset LastActivity { get; private set; } = created ?? DateTimeOffset.UtcNow;

    /// <summary>The estimated bytes the turns hold.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate) return _bytes;
        }
    }

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
            lock (_gate) return [.. _turns.Select(t => t.Turn)];
        }
    }

    public ConversationTurn? Last
    {
        get
        {
            lock (_gate) return _turns.Count > 0 ? _turns[^1].Turn : null;
        }
    }

    public void Add(ConversationTurn turn, DateTimeOffset now)
    {
        long delta;
        lock (_gate)
        {
            var before = _bytes;
            var bytes = EstimateBytes(turn);
            _turns.Add((turn, bytes));
            _bytes += bytes;
            while (_turns.Count > 1 && (_turns.Count > maxTurns || _bytes > maxBytes))
            {
                _bytes -= _turns[0].Bytes;
                _turns.RemoveAt(0);
            }

            LastActivity = now;
            Changed = true;
            delta = _bytes - before;
        }

        account?.Charge(delta); // outside the lock: an exceeded budget evicts other conversations
    }

    /// <summary>Puts back turns loaded from a store, oldest first, as they were (not a change).</summary>
    public void Restore(IEnumerable<ConversationTurn> turns, DateTimeOffset lastActivity)
    {
        foreach (var turn in turns) Add(turn, lastActivity);
        lock (_gate) Changed = false;
    }

    /// <summary>Replaces the turns with <paramref name="source"/>'s, charging the difference; the store's own copy takes a saved one's turns so.</summary>
    internal void ReplaceWith(Conversation source, DateTimeOffset now)
    {
        var turns = source.Turns;
        long delta;
        lock (_gate)
        {
            var before = _bytes;
            _turns.Clear();
            _bytes = 0;
            foreach (var turn in turns)
            {
                var bytes = EstimateBytes(turn);
                _turns.Add((turn, bytes));
                _bytes += bytes;
            }

            LastActivity = now;
            delta = _bytes - before;
        }

        account?.Charge(delta);
    }

    private static long EstimateBytes(ConversationTurn turn) =>
        TurnOverheadBytes
        + (2L * (turn.Question.Length + turn.StandaloneQuestion.Length + turn.Answer.Text.Length))
        + ((long)CitationBytes * turn.Answer.Citations.Count)
        + turn.Answer.Citations.Select(c => c.Passage).Distinct<Passage>(ReferenceEqualityComparer.Instance)
            .Sum(p => 2L * (p.Text.Length + p.Title.Length + (p.Heading?.Length ?? 0)));
}
