using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace NewsQA.Bot.Schema;

/// <summary>
/// A Bot Framework activity: the fields NewsQA reads and writes, and every other field kept as it came
/// (<see cref="Extra"/>), since receivers must pass through what they do not understand.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    public string? Text { get; set; }

    public string? ReplyToId { get; set; }

    public string? Name { get; set; }

    public JsonElement? Value { get; set; }

    public string? InputHint { get; set; }

    public string? DeliveryMode { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<JsonObject>? Entities { get; set; }

    public JsonObject? ChannelData { get; set; }

    public SuggestedActions? SuggestedActions { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>A reply addressed back to this activity's sender, in its conversation and channel.</summary>
    public Activity CreateReply(string type = ActivityTypes.Message) => new()
    {
        Type = type,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation is null ? null : new ConversationAccount(Conversation.Id),
        From = Recipient,
        Recipient = From,
        Locale = Locale,
        ReplyToId = Id,
    };
}
