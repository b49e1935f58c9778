using System.Net.WebSockets;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// Sends a conversation's activities down a WebSocket: first the history from the client's watermark, then each
/// stored activity as it is told of (one ActivitySet frame each, with the watermark after it) and each live one (a
/// frame without a watermark), until the client closes, the page goes away, a newer socket opens on the conversation,
/// or the socket falls too far behind (the client then reconnects from its watermark, as botframework-directlinejs
/// does whenever a socket closes). On a heartbeat it reads the history anyway, so that a nudge lost on the way costs
/// a delay and never an activity, and keeps the conversation alive.
/// </summary>
public sealed class DirectLineStream(IDirectLineStore store, DirectLineListener listener, int maxPageBytes, TimeProvider clock)
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    public async Task SendAsync(WebSocket socket, int watermark, CancellationToken ct)
    {
        try
        {
            // The client's frames are only keep-alive pings; reading them is how a closed socket is noticed.
            var receiving = ReceiveUntilClosedAsync(socket, ct);
            await store.PublishAsync(listener.ConversationId, DirectLineEvent.SocketOpened(listener.Id), ct);
            if (await SendStoredAsync(socket, watermark, ct) is not { } cursor)
            {
                await CloseAsync(socket, "the conversation has ended", ct);
                return;
            }

            using var timer = new PeriodicTimer(Heartbeat, clock);
            var tick = timer.WaitForNextTickAsync(ct).AsTask();
            var next = listener.Events.WaitToReadAsync(ct).AsTask();
            while (true)
            {
                var done = await Task.WhenAny(next, receiving, tick);
                if (done == receiving) return;
                if (done == tick)
                {
                    tick = timer.WaitForNextTickAsync(ct).AsTask();
                    var reread = await store.TouchAsync(listener.ConversationId, ct) ? await SendStoredAsync(socket, cursor, ct) : null;
                    if (reread is null)
                    {
                        await CloseAsync(socket, "the conversation has ended", ct);
                        return;
                    }

                    cursor = reread.Value;
                    continue;
                }

                if (!await next)
                {
                    // Completed because this socket fell behind: close it, and the client reconnects from its watermark.
                    await CloseAsync(socket, "reconnect from the watermark", ct);
                    return;
                }

                while (listener.Events.TryRead(out var message))
                {
                    switch (message.Kind)
                    {
                        case DirectLineEventKind.Stored:
                            cursor = await SendStoredAsync(socket, cursor, ct) ?? cursor;
                            break;
                        case DirectLineEventKind.Live:
                            await socket.SendAsync(ActivitySet.WriteLive(message.Payload), WebSocketMessageType.Text, endOfMessage: true, ct);
                            break;
                        case DirectLineEventKind.SocketOpened when message.SocketId != listener.Id:
                            await CloseAsync(socket, "another stream opened on this conversation", ct);
                            return;
                    }
                }

                next = listener.Events.WaitToReadAsync(ct).AsTask();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The page went away; nothing to tell anyone.
        }
    }

    // Every stored activity from the cursor on, page by page; the cursor after them, or null when the conversation is gone.
    private async Task<int?> SendStoredAsync(WebSocket socket, int cursor, CancellationToken ct)
    {
        while (true)
        {
            if (await store.ReadAsync(listener.ConversationId, cursor, maxPageBytes, ct) is not { } page) return null;
            foreach (var activity in page.Activities)
            {
                await socket.SendAsync(ActivitySet.Write([activity], activity.Sequence + 1), WebSocketMessageType.Text, endOfMessage: true, ct);
            }

            if (page.Activities.Count == 0) return page.Watermark;
            cursor = page.Watermark;
        }
    }

    private static Task CloseAsync(WebSocket socket, string reason, CancellationToken ct) =>
        socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, ct);

    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close && socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The socket is gone, which is what this loop waits to learn.
        }
    }
}
