using NewsQA.Bot.Conversation;
using NewsQA.Bot.Schema;

namespace NewsQA.Bot.BotFramework;

/// <summary>
/// Replies through the Bot Framework connector. Teams streams 1:1 chats only (docs/protocol.md, Teams): there each update is a
/// typing activity with a streaminfo entity, at most one per Bot:TeamsStreamIntervalMilliseconds (Teams answers
/// faster updates with 429); group chats, channels and other channels get the final message only.
/// </summary>
public sealed class ConnectorReplySender(ConnectorClient connector, Activity incoming, TimeSpan streamInterval) : IReplySender
{
    public bool Streams => incoming.ChannelId == BotChannels.Teams && incoming.Conversation?.ConversationType == "personal";

    public TimeSpan StreamInterval => streamInterval;

    public Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken) => connector.SendAsync(activity, cancellationToken);

    public void MarkStream(Activity activity, StreamInfo info) => (activity.Entities ??= []).Add(info.ToEntity());
}
