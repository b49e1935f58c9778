using NewsQA.Bot.Schema;
using NewsQA.Core.Conversations;

namespace NewsQA.Bot.Conversation;

/// <summary>
/// One turn, whichever surface it came by (Teams, the web chat, REST): load the conversation with its version, run
/// the turn on that copy with its replies held back, save it only if no other turn saved meanwhile (else run the turn
/// again on the newer version), then send. An activity already answered (a retried delivery) is not answered again;
/// one that was not saved, because its process died mid-turn, left nothing behind and is answered in full.
/// </summary>
public sealed partial class TurnHandler(IConversationStore conversations, ActivityResponder responder, ILogger<TurnHandler> logger)
{
    // Conflicts need two turns of one conversation at the same moment; a fifth in a row means a storm, not a race.
    private const int MaxAttempts = 5;

    /// <summary>
    /// Answers an incoming activity in the conversation kept under <paramref name="conversationKey"/> (see
    /// <see cref="ConversationKeys"/>), its replies sent through <paramref name="replies"/> once saved; an invoke's status.
    /// </summary>
    public async Task<int?> RespondAsync(Activity activity, string conversationKey, Uri baseAddress, IReplySender replies, CancellationToken cancellationToken)
    {
        var turnKey = activity.Id is { Length: > 0 } id ? $"{conversationKey}|{id}" : null;
        HeldReplies? held = null;
        var (status, send) = await RunAsync(conversationKey, turnKey, (conversation, ct) =>
        {
            held = new HeldReplies(replies);
            return responder.RespondAsync(activity, conversation, baseAddress, held, ct);
        }, cancellationToken);
        if (send) await held!.ReleaseAsync(cancellationToken);
        return status;
    }

    /// <summary>
    /// Runs <paramref name="turn"/> on the conversation until it is saved; <c>Send</c> is false when the activity
    /// named by <paramref name="turnKey"/> was answered already (then nothing may be sent).
    /// </summary>
    public async Task<(T? Result, bool Send)> RunAsync<T>(string conversationKey, string? turnKey, Func<Core.Conversations.Conversation, CancellationToken, Task<T>> turn, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (conversation, answered) = await conversations.LoadAsync(conversationKey, turnKey, cancellationToken);
            if (answered) return (default, false);
            var result = await turn(conversation, cancellationToken);
            switch (await conversations.SaveAsync(conversation, turnKey, cancellationToken))
            {
                case SaveOutcome.Saved:
                    return (result, true);
                case SaveOutcome.AlreadyAnswered:
                    return (default, false);
                case SaveOutcome.Changed when attempt < MaxAttempts:
                    LogConflict(logger, attempt);
                    continue;
                default:
                    // Better an answer whose turn is not kept for follow-ups than none.
                    LogGaveUp(logger, attempt);
                    return (result, true);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another turn saved the conversation first (attempt {Attempt}); running the turn again")]
    private static partial void LogConflict(ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The conversation changed under {Attempts} runs of one turn; its answer is sent but not kept for follow-ups")]
    private static partial void LogGaveUp(ILogger logger, int attempts);
}
