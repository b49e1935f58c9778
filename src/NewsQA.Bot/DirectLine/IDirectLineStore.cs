using NewsQA.Bot.Schema;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// Where Direct Line conversations are kept: their users and activities in watermark order, bounded in count and bytes
/// and forgotten after the idle time; in the process (<see cref="InMemoryDirectLineStore"/>), or in Redis so that any
/// process serves any conversation (<see cref="RedisDirectLineStore"/>). Every change is told to the conversation's
/// open WebSockets, wherever they are, through <see cref="DirectLineHub"/>.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>The bytes of the activities this process holds (none when they are kept in Redis).</summary>
    long Bytes { get; }

    /// <summary>Starts the conversation for its user; false when it exists already.</summary>
    Task<bool> StartAsync(string id, string userId, CancellationToken cancellationToken);

    /// <summary>Marks the conversation as in use now; false when it does not exist (never started, or ended).</summary>
    Task<bool> TouchAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores an activity with the next id (its watermark place) and tells the sockets; null when the conversation is gone.</summary>
    Task<Activity?> AppendAsync(string id, Activity activity, CancellationToken cancellationToken);

    /// <summary>At most <paramref name="maxBytes"/> of activities from <paramref name="watermark"/> on (at least one); null when the conversation is gone.</summary>
    Task<DirectLinePage?> ReadAsync(string id, int watermark, int maxBytes, CancellationToken cancellationToken);

    /// <summary>Tells the conversation's open sockets something that is not stored (a live activity, a newer socket).</summary>
    Task PublishAsync(string id, DirectLineEvent message, CancellationToken cancellationToken);
}
