using Microsoft.Extensions.Options;
using NewsQA.Bot.Conversation;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// Delivers a posted activity: stores it at once (Web Chat marks a message sent only when it comes back with an id),
/// then queues its turn (<see cref="TurnQueue"/>, <see cref="TurnHandler"/>): typing and a stream's updates reach the
/// open sockets as they come, the answer is stored once the turn is saved.
/// </summary>
public sealed class DirectLineBot(IDirectLineStore store, TurnHandler turns, TurnQueue queue, TimeProvider clock, IOptions<BotHostOptions> options)
{
    /// <summary>The bot as Direct Line conversations name it.</summary>
    public static readonly ChannelAccount Account = new("newsqa", "NewsQA", "bot");

    /// <summary>The stored activity, its turn queued; null when the conversation is gone.</summary>
    public async Task<(Activity? Echoed, bool Queued)> AcceptAsync(string conversationId, Activity activity, DirectLineClaims claims, Uri baseAddress, CancellationToken cancellationToken)
    {
        activity.ChannelId ??= BotChannels.DirectLine;
        activity.From ??= new ChannelAccount(claims.UserId, Role: "user");
        activity.Recipient = Account;
        if (await store.AppendAsync(conversationId, activity, cancellationToken) is not { } echoed) return (null, false);
        var sender = new DirectLineReplySender(store, conversationId, clock, TimeSpan.FromMilliseconds(options.Value.WebChatStreamIntervalMilliseconds));
        return (echoed, queue.TryEnqueue(ct => turns.RespondAsync(echoed, ConversationKeys.DirectLine(conversationId), baseAddress, sender, ct)));
    }
}
