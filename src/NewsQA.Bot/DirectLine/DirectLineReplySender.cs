using System.Text.Json.Nodes;
using NewsQA.Bot.Conversation;
using NewsQA.Bot.Schema;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// Replies into a Direct Line conversation, where the web chat reads them (WebSocket and polling). Answers stream as
/// Web Chat's livestreaming (docs/protocol.md, Web Chat): the stream fields in channelData, which every Web Chat since 4.17 reads,
/// and as a streaminfo entity for newer builds; the typing updates reach WebSocket clients, the final message both.
/// </summary>
public sealed class DirectLineReplySender(DirectLineConversation conversation, TimeProvider clock, TimeSpan streamInterval) : IReplySender
{
    public bool Streams => true;

    public TimeSpan StreamInterval => streamInterval;

    public Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity.From = DirectLineBot.Account;
        return Task.FromResult<string?>(conversation.Append(activity, clock.GetUtcNow()).Id);
    }

    public void MarkStream(Activity activity, StreamInfo info)
    {
        var data = activity.ChannelData ??= [];
        data["streamType"] = info.Type;
        if (info.StreamId is not null) data["streamId"] = info.StreamId;
        if (info.Sequence is not null) data["streamSequence"] = info.Sequence;
        (activity.Entities ??= []).Add(info.ToEntity());
    }
}
