using System.Threading.Channels;
using NewsQA.Bot.Schema;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// One Direct Line conversation: its activities in order (user messages echoed, bot replies), the watermark (how many
/// there have been), and the WebSocket streams listening for new ones.
/// </summary>
public sealed class DirectLineConversation(string id, string userId, int maxActivities, DateTimeOffset created)
{
    private readonly List<Activity> _activities = [];
    private readonly List<Channel<Activity>> _listeners = [];
    private readonly Lock _gate = new();
    private int _sequence;

    public string Id { get; } = id;

    public string UserId { get; } = userId;

    public DateTimeOffset LastActivity { get; private set; } = created;

    /// <summary>Stamps an activity with the next id and the time, stores it and tells every stream.</summary>
    public Activity Append(Activity activity, DateTimeOffset now)
    {
        lock (_gate)
        {
            activity.Id = $"{Id}|{_sequence++:D7}";
            activity.Timestamp = now;
            activity.Conversation = new ConversationAccount(Id);
            _activities.Add(activity);
            if (_activities.Count > maxActivities) _activities.RemoveAt(0);
            LastActivity = now;
            foreach (var listener in _listeners) listener.Writer.TryWrite(activity);
            return activity;
        }
    }

    /// <summary>The activities after watermark <paramref name="watermark"/>, and the new watermark.</summary>
    public (List<Activity> Activities, int Watermark) Since(int watermark)
    {
        lock (_gate)
        {
            var first = _sequence - _activities.Count;
            return ([.. _activities.Skip(Math.Max(0, watermark - first))], _sequence);
        }
    }

    /// <summary>A stream of the activities after <paramref name="watermark"/>, then every new one.</summary>
    public ChannelReader<Activity> Listen(int watermark, out int current)
    {
        var channel = Channel.CreateBounded<Activity>(new BoundedChannelOptions(maxActivities) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            var (history, _) = Since(watermark);
            foreach (var activity in history) channel.Writer.TryWrite(activity);
            _listeners.Add(channel);
            current = _sequence - history.Count;
        }

        return channel.Reader;
    }

    public void StopListening(ChannelReader<Activity> reader)
    {
        lock (_gate) _listeners.RemoveAll(c => c.Reader == reader);
    }

    public void Touch(DateTimeOffset now)
    {
        lock (_gate) LastActivity = now;
    }
}
