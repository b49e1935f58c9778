namespace NewsQA.Bot.DirectLine;

/// <summary>
/// The Direct Line WebSockets open in this process, by conversation, and the one way events reach them: the store
/// dispatches here what it stores or publishes (directly in one process; from Redis pub/sub across processes).
/// </summary>
public sealed class DirectLineHub
{
    private readonly Dictionary<string, List<DirectLineListener>> _listeners = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>A listener for a socket about to open on <paramref name="conversationId"/>; dispose it when the socket closes.</summary>
    public DirectLineListener Listen(string conversationId)
    {
        var listener = new DirectLineListener(this, conversationId);
        lock (_gate)
        {
            if (!_listeners.TryGetValue(conversationId, out var list)) _listeners[conversationId] = list = [];
            list.Add(listener);
        }

        return listener;
    }

    /// <summary>Whether a socket is open on the conversation in this process: an open stream is activity, however quiet.</summary>
    public bool Listened(string conversationId)
    {
        lock (_gate) return _listeners.ContainsKey(conversationId);
    }

    public void Dispatch(string conversationId, DirectLineEvent message)
    {
        DirectLineListener[] listeners;
        lock (_gate)
        {
            if (!_listeners.TryGetValue(conversationId, out var list)) return;
            listeners = [.. list];
        }

        foreach (var listener in listeners) listener.Offer(message);
    }

    internal void Remove(DirectLineListener listener)
    {
        lock (_gate)
        {
            if (!_listeners.TryGetValue(listener.ConversationId, out var list)) return;
            list.Remove(listener);
            if (list.Count == 0) _listeners.Remove(listener.ConversationId);
        }
    }
}
