using System.Text.Json;

namespace NewsQA.Bot.Tests;

/// <summary>How a test reads a sent activity's place in a streamed answer (the streaminfo entity, docs/protocol.md, Teams).</summary>
public static class StreamParts
{
    /// <summary>The activity's streaminfo entity, or null when it is not part of a stream.</summary>
    public static JsonElement? StreamInfo(JsonElement activity) =>
        activity.TryGetProperty("entities", out var entities) && entities.ValueKind == JsonValueKind.Array
            ? entities.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(e => e!.Value.TryGetProperty("type", out var t) && t.GetString() == "streaminfo")
            : null;

    /// <summary>Whether the activity is a typing update carrying the text so far (streamType streaming).</summary>
    public static bool IsStreamingUpdate(JsonElement activity) =>
        activity.TryGetProperty("type", out var type) && type.GetString() == "typing"
        && StreamInfo(activity) is { } info && info.TryGetProperty("streamType", out var streamType) && streamType.GetString() == "streaming";
}
