using System.Security.Cryptography;
using System.Threading.Channels;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// The events for one open WebSocket, in the order they were dispatched. A socket that falls too far behind has its
/// events completed: it closes, and its client reconnects from its watermark rather than the process holding a copy of
/// the history for it.
/// </summary>
public sealed class DirectLineListener : IDisposable
{
    // Events a socket may have waiting; one that lags further is closed.
    private const int Backlog = 64;

    private readonly DirectLineHub _hub;
    private readonly Channel<DirectLineEvent> _events = Channel.CreateBounded<DirectLineEvent>(new BoundedChannelOptions(Backlog) { SingleReader = true });

    internal DirectLineListener(DirectLineHub hub, string conversationId)
    {
        _hub = hub;
        ConversationId = conversationId;
    }

    /// <summary>This socket's id, by which it tells a newer socket's announcement from its own.</summary>
    public string Id { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public string ConversationId { get; }

    public ChannelReader<DirectLineEvent> Events => _events.Reader;

    internal void Offer(DirectLineEvent message)
    {
        if (!_events.Writer.TryWrite(message)) _events.Writer.TryComplete();
    }

    public void Dispose() => _hub.Remove(this);
}
