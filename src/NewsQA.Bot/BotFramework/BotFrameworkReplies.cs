using NewsQA.Bot.Conversation;

namespace NewsQA.Bot.BotFramework;

/// <summary>Answers an acknowledged activity in the background and sends each reply through the connector as it is ready.</summary>
public sealed partial class BotFrameworkReplies(ActivityResponder responder, ConnectorClient connector, IHostApplicationLifetime lifetime, ILogger<BotFrameworkReplies> logger)
{
    public void Enqueue(Schema.Activity activity, Uri baseAddress) =>
        _ = Task.Run(() => ReplyAsync(activity, baseAddress), lifetime.ApplicationStopping);

    private async Task ReplyAsync(Schema.Activity activity, Uri baseAddress)
    {
        var ct = lifetime.ApplicationStopping;
        try
        {
            var result = await responder.RespondAsync(activity, baseAddress, ct);
            foreach (var reply in result.Replies) await connector.SendAsync(reply, ct);
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
