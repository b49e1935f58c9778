using Microsoft.Extensions.Options;
using NewsQA.Bot.Conversation;
using NewsQA.Bot.Hosting;

namespace NewsQA.Bot.BotFramework;

/// <summary>
/// Answers an acknowledged activity in the background, each reply sent through the connector as soon as it exists (an
/// answer that fails is turned into an apology by <see cref="ActivityResponder"/>; a connector that fails is logged).
/// </summary>
public sealed partial class BotFrameworkReplies(
    ActivityResponder responder, ConnectorClient connector, IOptions<BotHostOptions> options, IHostApplicationLifetime lifetime, ILogger<BotFrameworkReplies> logger)
{
    public void Enqueue(Schema.Activity activity, string conversationKey, Uri baseAddress) =>
        _ = Task.Run(() => ReplyAsync(activity, conversationKey, baseAddress), lifetime.ApplicationStopping);

    private async Task ReplyAsync(Schema.Activity activity, string conversationKey, Uri baseAddress)
    {
        var ct = lifetime.ApplicationStopping;
        try
        {
            var sender = new ConnectorReplySender(connector, activity, TimeSpan.FromMilliseconds(options.Value.TeamsStreamIntervalMilliseconds));
            await responder.RespondAsync(activity, conversationKey, baseAddress, sender, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            LogFailed(logger, activity.ServiceUrl, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not reply through the connector at {ServiceUrl}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string? serviceUrl, string reason);
}
