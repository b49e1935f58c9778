using NewsQA.Bot.Schema;

namespace NewsQA.Bot.Conversation;

/// <summary>
/// Where the bot's replies to one incoming activity go, each sent the moment it exists: the Bot Framework connector
/// (Teams), a Direct Line conversation (the web chat), or the response of an expectReplies request. Each channel also
/// says whether it takes a streamed answer, and marks stream updates the way its clients read them.
/// </summary>
public interface IReplySender
{
    /// <summary>Whether answers stream into this conversation (Teams streams 1:1 chats only).</summary>
    bool Streams { get; }

    /// <summary>The shortest time between two stream updates this channel accepts or renders well.</summary>
    TimeSpan StreamInterval { get; }

    /// <summary>Sends an activity; returns the id the channel gave it, if it gave one.</summary>
    Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Marks an activity as part of a stream, in this channel's shape.</summary>
    void MarkStream(Activity activity, StreamInfo info);
}
