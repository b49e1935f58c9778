using NewsQA.Bot.Conversation;
using NewsQA.Bot.Schema;

namespace NewsQA.Bot.BotFramework;

/// <summary>deliveryMode expectReplies: the replies are collected for the HTTP response, not sent; nothing streams.</summary>
public sealed class ExpectedRepliesSender : IReplySender
{
    public List<Activity> Replies { get; } = [];

    public bool Streams => false;

    public TimeSpan StreamInterval => TimeSpan.Zero;

    public Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        Replies.Add(activity);
        return Task.FromResult<string?>(null);
    }

    public void MarkStream(Activity activity, StreamInfo info) => throw new InvalidOperationException("expectReplies does not stream.");
}
