using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace NewsQA.Bot.Tests.SharedState;

/// <summary>A Direct Line WebSocket as botframework-directlinejs holds one: the ActivitySet frames it receives, in order.</summary>
public sealed class DirectLineSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[1 << 20];

    private DirectLineSocket()
    {
    }

    public List<JsonElement> Frames { get; } = [];

    /// <summary>The stored activities received (frames with a watermark; typing and stream updates are live, without one).</summary>
    public IEnumerable<JsonElement> Stored => Frames.Where(f => f.TryGetProperty("watermark", out _)).Select(f => f.GetProperty("activities")[0]);

    /// <summary>The watermark of the last stored activity received.</summary>
    public string Watermark => Frames.Last(f => f.TryGetProperty("watermark", out _)).GetProperty("watermark").GetString()!;

    public static async Task<DirectLineSocket> OpenAsync(Uri streamUrl)
    {
        var socket = new DirectLineSocket();
        var ws = new UriBuilder(streamUrl) { Scheme = streamUrl.Scheme == "https" ? "wss" : "ws" }.Uri;
        await socket._socket.ConnectAsync(ws, CancellationToken.None);
        return socket;
    }

    /// <summary>Receives frames until one holds an activity <paramref name="done"/> accepts; false if the socket closed first.</summary>
    public async Task<bool> ReceiveUntilAsync(Func<JsonElement, bool> done)
    {
        using var timeout = new CancellationTokenSource(Eventually.Patience);
        while (!Frames.Any(f => done(f.GetProperty("activities")[0])))
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(_buffer, timeout.Token);
                message.Write(_buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close) return false;
            Frames.Add(JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone());
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The other end is gone already.
            }
        }

        _socket.Dispose();
    }
}
