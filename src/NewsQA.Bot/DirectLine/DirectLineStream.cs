using System.Net.WebSockets;
using System.Threading.Channels;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// Sends a conversation's activities down a WebSocket, one ActivitySet frame each with the watermark after it, until
/// the client closes, the page goes away, or the stream falls too far behind (the client then reconnects from its
/// watermark, as botframework-directlinejs does whenever a socket closes).
/// </summary>
public static class DirectLineStream
{
    public static async Task SendAsync(WebSocket socket, ChannelReader<StoredActivity> reader, CancellationToken ct)
    {
        try
        {
            // The client's frames are only keep-alive pings; reading them is how a closed socket is noticed.
            var receiving = ReceiveUntilClosedAsync(socket, ct);
            while (!receiving.IsCompleted)
            {
                var next = reader.WaitToReadAsync(ct).AsTask();
                if (await Task.WhenAny(next, receiving) == receiving) return;
                if (!await next)
                {
                    // Completed because this stream fell behind: close it, and the client reconnects from its watermark.
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnect from the watermark", ct);
                    return;
                }

                while (reader.TryRead(out var activity))
                {
                    await socket.SendAsync(ActivitySet.Write([activity], activity.Sequence + 1), WebSocketMessageType.Text, endOfMessage: true, ct);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The page went away; nothing to tell anyone.
        }
    }

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
