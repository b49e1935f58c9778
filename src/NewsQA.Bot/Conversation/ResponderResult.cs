using NewsQA.Bot.Schema;

namespace NewsQA.Bot.Conversation;

/// <summary>What the bot does with one activity: the activities it sends, and for an invoke the HTTP status to answer with.</summary>
public sealed record ResponderResult(IReadOnlyList<Activity> Replies, int? InvokeStatus = null)
{
    public static readonly ResponderResult Nothing = new([]);
}
