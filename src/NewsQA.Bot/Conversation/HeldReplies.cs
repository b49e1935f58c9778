using NewsQA.Bot.Schema;

namespace NewsQA.Bot.Conversation;

/// <summary>
/// A turn's replies, held back until the turn is saved: typing indicators and a stream's updates go out live (they
/// are only ever shown while the answer is written, and kept in no history), every other activity waits for
/// <see cref="ReleaseAsync"/>, so that a turn run again after a conflict, or never saved, sends no message.
/// </summary>
public sealed class HeldReplies(IReplySender channel) : IReplySender
{
    private readonly List<Activity> _held = [];

    public bool Streams => channel.Streams;

    public TimeSpan StreamInterval => channel.StreamInterval;

    public void MarkStream(Activity activity, StreamInfo info) => channel.MarkStream(activity, info);

    public Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Type == ActivityTypes.Typing) return channel.SendAsync(activity, cancellationToken);
        lock (_held) _held.Add(activity);
        return Task.FromResult<string?>(null);
    }

    /// <summary>Sends the held activities, in the order the turn sent them.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        List<Activity> held;
        lock (_held) held = [.. _held];
        foreach (var activity in held) await channel.SendAsync(activity, cancellationToken);
    }
}
