using System.Text.Json;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;
using NewsQA.Core.Conversations;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// One Direct Line conversation kept in the process: its activities in order (user messages echoed, bot replies),
/// stored serialized and bounded in number and bytes (the oldest fall off; the watermark still counts them). Live
/// activities (typing, a stream's updates) never come here: they go to the open sockets only.
/// </summary>
public sealed class DirectLineConversation(string id, string userId, DirectLineOptions limits, DateTimeOffset created, ByteAccount account)
{
    private readonly List<StoredActivity> _activities = [];
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

    /// <summary>The bytes of the activities kept.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate) return _bytes;
        }
    }

    /// <summary>Stamps an activity with the next id and stores it.</summary>
    public Activity Append(Activity activity, DateTimeOffset now)
    {
        long delta;
        lock (_gate)
        {
            var before = _bytes;
            activity.Id = DirectLineIds.Activity(Id, _sequence);
            activity.Timestamp = now;
            activity.Conversation = new ConversationAccount(Id);
            var stored = new StoredActivity(_sequence++, JsonSerializer.SerializeToUtf8Bytes(activity, JsonBody.Options));
            _activities.Add(stored);
            _bytes += stored.Json.Length;
            while (_activities.Count > 1 && (_activities.Count > limits.MaxActivitiesPerConversation || _bytes > limits.MaxConversationBytes))
            {
                _bytes -= _activities[0].Json.Length;
                _activities.RemoveAt(0);
            }

            if (now > _lastActivity) _lastActivity = now;
            delta = _bytes - before;
        }

        account.Charge(delta); // outside the lock: an exceeded budget evicts other conversations
        return activity;
    }

    /// <summary>
    /// A page of the activities from watermark <paramref name="watermark"/> on, at most <paramref name="maxBytes"/> of
    /// them but at least one, and the watermark the next page starts from.
    /// </summary>
    public DirectLinePage Page(int watermark, int maxBytes)
    {
        lock (_gate)
        {
            var page = new List<StoredActivity>();
            var next = Math.Clamp(watermark, 0, _sequence);
            long bytes = 0;
            foreach (var activity in _activities.Where(a => a.Sequence >= next))
            {
                if (page.Count > 0 && bytes + activity.Json.Length > maxBytes) break;
                page.Add(activity);
                bytes += activity.Json.Length;
                next = activity.Sequence + 1;
            }

            return new DirectLinePage(page, next);
        }
    }

    /// <summary>Marks the conversation as in use (a poll, a reconnect, a token refresh, a socket).</summary>
    public void Touch(DateTimeOffset now)
    {
        lock (_gate) if (now > _lastActivity) _lastActivity = now;
    }
}
