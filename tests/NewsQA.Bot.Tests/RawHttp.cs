using System.Net.Sockets;
using System.Text;

namespace NewsQA.Bot.Tests;

/// <summary>Sends bytes as they are to a real server and reads the status line back: HTTP framing no client library would write.</summary>
public static class RawHttp
{
    /// <summary>
    /// The status code of the first response, or null when the server closed the connection without one. With
    /// <paramref name="endInput"/> the client closes its side after the request, which a server reads as the client
    /// having gone: it then owes no answer.
    /// </summary>
    public static async Task<int?> SendAsync(Uri server, byte[] request, bool endInput = false)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request);
            if (endInput) client.Client.Shutdown(SocketShutdown.Send);
        }
        catch (IOException)
        {
            // The server may close before the whole request is written; its answer, if any, is still there to read.
        }

        using var timeout = new CancellationTokenSource(Eventually.Patience);
        var buffer = new byte[64];
        var read = 0;
        try
        {
            while (read < 12)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
                if (n == 0) break;
                read += n;
            }
        }
        catch (IOException)
        {
            // Reset by the server: no response.
        }

        var line = Encoding.ASCII.GetString(buffer, 0, read);
        return line.StartsWith("HTTP/1.", StringComparison.Ordinal) && line.Length >= 12 && int.TryParse(line.AsSpan(9, 3), out var status) ? status : null;
    }

    public static byte[] Request(string method, string path, string headers, string body) =>
        Encoding.UTF8.GetBytes($"{method} {path} HTTP/1.1\r\nHost: localhost\r\n{headers}\r\n{body}");
}
