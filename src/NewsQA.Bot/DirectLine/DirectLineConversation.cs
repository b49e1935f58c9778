using System.Text.Json;
using System.Threading.Channels;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;
using NewsQA.Core.Conversations;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// One Direct Line conversation: its activities in order (user messages echoed, bot replies), stored serialized and
/// bounded in number and bytes (the oldest fall off; the watermark still counts them), and the WebSocket streams
/// listening for new ones. A stream that falls too far behind is ended, to reconnect from its watermark. A livestreamed
/// answer's superseded updates leave the history as newer ones come (see <see cref="Livestream"/>), so a long
/// streamed answer costs its latest text, not the sum of its updates, and never pushes out the messages around it.
/// </summary>
public sealed class DirectLineConversation(string id, string userId, DirectLineOptions limits, DateTimeOffset created, ByteAccount account)
{
    // Frames a stream may have waiting; one that lags further is closed rather than hold a copy of the history.
    private const int StreamBacklog = 64;

    private readonly List<StoredActivity> _activities = [];
    private readonly List<Channel<StoredActivity>> _listeners = [];
    private readonly Lock _gate = new();
    private int _sequence;
    private long _bytes;
    private DateTimeOffset _lastActivity = created;

    public string Id { get; } = id;

    public string UserId { get; } = userId;

    public DateTimeOffset LastActivity
    {
        get
        {
            lock (_gate) return _lastActivity;
        }
    }

    /// <summary>Whether a WebSocket is open on it: an open stream is activity, however quiet.</summary>
    public bool Listened
    {
        get
        {
            lock (_gate) return _listeners.Count > 0;
        }
    }

    /// <summary>The bytes of the activities kept.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate) return _bytes;
        }
    }

    /// <summary>Stamps an activity with the next id and the time, stores it and tells every stream.</summary>
    public Activity Append(Activity activity, DateTimeOffset now)
    {
        long delta;
        lock (_gate)
        {
            var before = _bytes;
            activity.Id = $"{Id}|{_sequence:D7}";
            activity.Timestamp = now;
            activity.Conversation = new ConversationAccount(Id);
            var stored = new StoredActivity(_sequence++, activity.Type, JsonSerializer.SerializeToUtf8Bytes(activity, JsonBody.Options), Livestream.Of(activity));
            if (stored.Livestream is { } part) DropSuperseded(part);
            _activities.Add(stored);
            _bytes += stored.Json.Length;
            while (_activities.Count > 1 && (_activities.Count > limits.MaxActivitiesPerConversation || _bytes > limits.MaxConversationBytes))
            {
                _bytes -= _activities[0].Json.Length;
                _activities.RemoveAt(0);
            }

            if (now > _lastActivity) _lastActivity = now;
            foreach (var listener in _listeners)
            {
                if (!listener.Writer.TryWrite(stored)) listener.Writer.TryComplete();
            }

            delta = _bytes - before;
        }

        account.Charge(delta); // outside the lock: an exceeded budget evicts other conversations
        return activity;
    }

    // Streams saw every update as it came; the history keeps only what a reader from an older watermark needs: the
    // stream's informative update and latest text while it runs, its final message once it ends.
    private void DropSuperseded(Livestream part)
    {
        for (var i = _activities.Count - 1; i >= 0; i--)
        {
            if (_activities[i].Livestream is not { } earlier || !part.Supersedes(earlier)) continue;
            _bytes -= _activities[i].Json.Length;
            _activities.RemoveAt(i);
        }
    }

    /// <summary>
    /// A page of the activities from watermark <paramref name="watermark"/> on, at most <paramref name="maxBytes"/> of
    /// them but at least one, and the watermark the next page starts from. Typing indicators are skipped (they go
    /// only to streams, as in Direct Line) but still advance the watermark.
    /// </summary>
    public (List<StoredActivity> Activities, int Watermark) Page(int watermark, int maxBytes)
    {
        lock (_gate)
        {
            var page = new List<StoredActivity>();
            var next = Math.Clamp(watermark, 0, _sequence);
            long bytes = 0;
            foreach (var activity in _activities.Where(a => a.Sequence >= next))
            {
                if (activity.Type == ActivityTypes.Typing)
                {
                    next = activity.Sequence + 1;
                    continue;
                }

                if (page.Count > 0 && bytes + activity.Json.Length > maxBytes) break;
                page.Add(activity);
                bytes += activity.Json.Length;
                next = activity.Sequence + 1;
            }

            return (page, next);
        }
    }

    /// <summary>A stream of the activities from <paramref name="watermark"/> on, then every new one; completed when it lags too far.</summary>
    public ChannelReader<StoredActivity> Listen(int watermark)
    {
        lock (_gate)
        {
            var history = _activities.Where(a => a.Sequence >= watermark).ToList();
            var channel = Channel.CreateBounded<StoredActivity>(new BoundedChannelOptions(history.Count + StreamBacklog) { FullMode = BoundedChannelFullMode.Wait });
            foreach (var activity in history) channel.Writer.TryWrite(activity);
            _listeners.Add(channel);
            return channel.Reader;
        }
    }

    public void StopListening(ChannelReader<StoredActivity> reader, DateTimeOffset now)
    {
        lock (_gate)
        {
            _listeners.RemoveAll(c => c.Reader == reader);
            if (now > _lastActivity) _lastActivity = now; // idle time counts from when the stream closed
        }
    }

    /// <summary>Marks the conversation as in use (a poll, a reconnect, a token refresh).</summary>
    public void Touch(DateTimeOffset now)
    {
        lock (_gate) if (now > _lastActivity) _lastActivity = now;
    }
}
