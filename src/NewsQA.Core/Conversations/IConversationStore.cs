namespace NewsQA.Core.Conversations;

/// <summary>
/// Where conversations' follow-up history is kept between turns: in the process (<see cref="ConversationStore"/>), or
/// in Redis for several processes (<see cref="RedisConversationStore"/>). A turn loads the conversation, answers on
/// its copy, and saves it only if no other turn saved meanwhile (optimistic concurrency on
/// <see cref="Conversation.Version"/>); the incoming activity's key, when it has one, is marked answered in the same
/// step, so that a delivery retried after a crash or sent twice is answered once.
/// </summary>
public interface IConversationStore
{
    /// <summary>The bytes the conversations hold in this process, as estimated (none when they are kept in Redis).</summary>
    long Bytes { get; }

    /// <summary>The conversation as last saved (new and empty if there is none), and whether <paramref name="turnKey"/> was answered already.</summary>
    Task<ConversationLoad> LoadAsync(string id, string? turnKey, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="conversation"/> (if it changed) and marks <paramref name="turnKey"/> (if given) answered,
    /// both or neither, unless the turn changed it and the stored conversation is no longer the version it was loaded
    /// from (a turn that added nothing cannot conflict, so its side effects, such as feedback, never run twice), or the
    /// turn was answered meanwhile.
    /// </summary>
    Task<SaveOutcome> SaveAsync(Conversation conversation, string? turnKey, CancellationToken cancellationToken);
}
