using System.Text.Json;
using NewsQA.Core.State;

namespace NewsQA.Core.Conversations;

/// <summary>
/// A conversation's turns as JSON, as <see cref="RedisConversationStore"/> keeps them: each turn whole, its answer's
/// citations with the cited passage as it was shown (as the in-process store keeps it), so that feedback on an answer
/// and "show 2" still see what the reader saw after the index changes.
/// </summary>
public static class ConversationJson
{
    public static byte[] Write(IReadOnlyList<ConversationTurn> turns) => JsonSerializer.SerializeToUtf8Bytes(turns, StoredJson.Options);

    public static List<ConversationTurn> Read(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<List<ConversationTurn>>(json, StoredJson.Options) ?? [];
}
