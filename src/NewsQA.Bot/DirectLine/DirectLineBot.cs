using Microsoft.Extensions.Options;
using NewsQA.Bot.Conversation;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// Delivers a posted activity: echoes it into the conversation at once (Web Chat marks a message sent only when it
/// comes back with an id), then lets the bot answer in the background, each reply appended as soon as it exists.
/// </summary>
public sealed partial class DirectLineBot(
    ActivityResponder responder, TimeProvider clock, IOptions<BotHostOptions> options, IHostApplicationLifetime lifetime, ILogger<DirectLineBot> logger)
{
    /// <summary>The bot as Direct Line conversations name it.</summary>
    public static readonly ChannelAccount Account = new("newsqa", "NewsQA", "bot");

    public Activity Accept(DirectLineConversation conversation, Activity activity, DirectLineClaims claims, Uri baseAddress)
    {
        activity.ChannelId ??= BotChannels.DirectLine;
        activity.From ??= new ChannelAccount(claims.UserId, Role: "user");
        activity.Recipient = Account;
        var echoed = conversation.Append(activity, clock.GetUtcNow());
        _ = Task.Run(() => AnswerAsync(conversation, echoed, baseAddress), lifetime.ApplicationStopping);
        return echoed;
    }

    private async Task AnswerAsync(DirectLineConversation conversation, Activity activity, Uri baseAddress)
    {
        try
        {
            var sender = new DirectLineReplySender(conversation, clock, TimeSpan.FromMilliseconds(options.Value.WebChatStreamIntervalMilliseconds));
            await responder.RespondAsync(activity, ConversationKeys.DirectLine(conversation.Id), baseAddress, sender, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // A background reply that fails must not take the process down; a failed answer is already an apology.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Replying in a Direct Line conversation failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
