using Microsoft.Extensions.Options;
using NewsQA.Bot.Conversation;
using NewsQA.Bot.Hosting;

namespace NewsQA.Bot.BotFramework;

/// <summary>
/// Answers an acknowledged activity in the background (<see cref="TurnQueue"/>), through the <see cref="TurnHandler"/>:
/// typing and a stream's updates reach the connector as they come, the answer once the turn is saved (an answer that
/// fails is turned into an apology by <see cref="ActivityResponder"/>; a connector that fails is logged).
/// </summary>
public sealed partial class BotFrameworkReplies(
    TurnHandler turns, TurnQueue queue, ConnectorClient connector, IOptions<BotHostOptions> options, ILogger<BotFrameworkReplies> logger)
{
    /// <summary>Queues the turn; false when the queue is full.</summary>
    public bool Enqueue(Schema.Activity activity, string conversationKey, Uri baseAddress) =>
        queue.TryEnqueue(ct => ReplyAsync(activity, conversationKey, baseAddress, ct));

    private async Task ReplyAsync(Schema.Activity activity, string conversationKey, Uri baseAddress, CancellationToken ct)
    {
        try
        {
            var sender = new ConnectorReplySender(connector, activity, TimeSpan.FromMilliseconds(options.Value.TeamsStreamIntervalMilliseconds));
            await turns.RespondAsync(activity, conversationKey, baseAddress, sender, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            LogFailed(logger, activity.ServiceUrl, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not reply through the connector at {ServiceUrl}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string? serviceUrl, string reason);
}
