namespace NewsQA.Bot.Conversation;

/// <summary>
/// Where an activity stands in a streamed answer (docs/protocol.md: Teams, Web Chat): <see cref="Type"/> is informative, streaming or
/// final; <see cref="StreamId"/> is the first activity's id (absent on that first one); <see cref="Sequence"/> counts
/// up from 1 and is absent on the final message.
/// </summary>
public sealed record StreamInfo(string Type, string? StreamId, int? Sequence)
{
    public const string Informative = "informative";
    public const string Streaming = "streaming";
    public const string Final = "final";

    /// <summary>The streaminfo entity Teams (and newer Web Chat) read.</summary>
    public System.Text.Json.Nodes.JsonObject ToEntity()
    {
        var entity = new System.Text.Json.Nodes.JsonObject { ["type"] = "streaminfo", ["streamType"] = Type };
        if (StreamId is not null) entity["streamId"] = StreamId;
        if (Sequence is not null) entity["streamSequence"] = Sequence;
        return entity;
    }
}
