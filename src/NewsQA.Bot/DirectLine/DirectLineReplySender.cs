using System.Text.Json;
using NewsQA.Bot.Conversation;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// Replies into a Direct Line conversation, where the web chat reads them (WebSocket and polling). Answers stream as
/// Web Chat's livestreaming (docs/protocol.md, Web Chat): the stream fields in channelData, which every Web Chat since
/// 4.17 reads, and as a streaminfo entity for newer builds. Typing indicators and a stream's updates are live: they go
/// to the open WebSockets and are never stored, so a reader of the history (a poll, a reconnect, a refreshed page) sees
/// the messages, a streamed answer's final one included.
/// </summary>
public sealed class DirectLineReplySender(IDirectLineStore store, string conversationId, TimeProvider clock, TimeSpan streamInterval) : IReplySender
{
    public bool Streams => true;

    public TimeSpan StreamInterval => streamInterval;

    public async Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity.From = DirectLineBot.Account;
        if (activity.Type != ActivityTypes.Typing) return (await store.AppendAsync(conversationId, activity, cancellationToken))?.Id;
        activity.Id = DirectLineIds.Live(conversationId);
        activity.Timestamp = clock.GetUtcNow();
        activity.Conversation = new ConversationAccount(conversationId);
        await store.PublishAsync(conversationId, DirectLineEvent.Live(JsonSerializer.SerializeToUtf8Bytes(activity, JsonBody.Options)), cancellationToken);
        return activity.Id;
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
