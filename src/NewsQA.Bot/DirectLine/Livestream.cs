using NewsQA.Bot.Conversation;
using NewsQA.Bot.Schema;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// Where a stored activity stands in a Web Chat livestream (docs/protocol.md, Web Chat), read from the channelData that
/// <see cref="DirectLineReplySender"/> writes: the stream it belongs to (the informative update's id) and its
/// streamType. Each streamed update holds the whole text so far, so a newer part supersedes the older ones: a
/// streaming update the streaming updates before it, and the final message every interim part of its stream.
/// </summary>
public sealed record Livestream(string StreamId, string StreamType)
{
    /// <summary>The livestream part <paramref name="activity"/> is (its id already stamped), or null for any other activity.</summary>
    public static Livestream? Of(Activity activity)
    {
        var type = activity.ChannelData?["streamType"] is System.Text.Json.Nodes.JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        var streamId = activity.ChannelData?["streamId"] is System.Text.Json.Nodes.JsonValue i && i.TryGetValue<string>(out var id) ? id : null;
        return (activity.Type, type) switch
        {
            (ActivityTypes.Typing, StreamInfo.Informative) when activity.Id is { } own => new Livestream(own, type),
            (ActivityTypes.Typing, StreamInfo.Streaming) when streamId is not null => new Livestream(streamId, type),
            (ActivityTypes.Message, StreamInfo.Final) when streamId is not null => new Livestream(streamId, type),
            _ => null,
        };
    }

    /// <summary>Whether this part makes <paramref name="earlier"/>, a part stored before it, superfluous to a reader of the history.</summary>
    public bool Supersedes(Livestream earlier) =>
        earlier.StreamId == StreamId && StreamType switch
        {
            StreamInfo.Final => earlier.StreamType is StreamInfo.Informative or StreamInfo.Streaming,
            StreamInfo.Streaming => earlier.StreamType == StreamInfo.Streaming,
            _ => false,
        };
}
