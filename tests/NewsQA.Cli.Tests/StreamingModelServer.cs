using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using NewsQA.Testing;

namespace NewsQA.Cli.Tests;

/// <summary>
/// An OpenAI-compatible chat completions endpoint on loopback (HttpListener, so no ASP.NET in this test project) that
/// streams <see cref="Reply"/>'s pieces as server-sent events, awaiting <see cref="BeforePiece"/> before each.
/// </summary>
public sealed class StreamingModelServer : IDisposable
{
    private readonly HttpListener _listener = new();

    public StreamingModelServer()
    {
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/v1/");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = ServeAsync();
    }

    public Uri Endpoint { get; }

    public Func<ModelRequest, IReadOnlyList<string>> Reply { get; set; } = _ => ["NOT_FOUND"];

    public Func<ModelRequest, int, Task> BeforePiece { get; set; } = (_, _) => Task.CompletedTask;

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                var context = await _listener.GetContextAsync();
                _ = Task.Run(() => AnswerAsync(context));
            }
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // Closed.
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        var request = new ModelRequest((await JsonDocument.ParseAsync(context.Request.InputStream)).RootElement.Clone());
        var pieces = Reply(request);
        response.ContentType = request.Stream ? "text/event-stream" : "application/json";
        var body = response.OutputStream;
        if (!request.Stream)
        {
            await Write(body, JsonSerializer.Serialize(new
            {
                id = "chatcmpl-1", @object = "chat.completion", created = 1_700_000_000, model = request.Model,
                choices = new[] { new { index = 0, finish_reason = "stop", message = new { role = "assistant", content = string.Concat(pieces) } } },
            }));
            return;
        }

        for (var i = 0; i < pieces.Count; i++)
        {
            await BeforePiece(request, i);
            var chunk = JsonSerializer.Serialize(new
            {
                id = "chatcmpl-2", @object = "chat.completion.chunk", created = 1_700_000_000, model = request.Model,
                choices = new[] { new { index = 0, delta = new { content = pieces[i] }, finish_reason = (string?)null } },
            });
            await Write(body, $"data: {chunk}\n\n");
        }

        await Write(body, "data: [DONE]\n\n");
    }

    private static async Task Write(Stream body, string text)
    {
        await body.WriteAsync(Encoding.UTF8.GetBytes(text));
        await body.FlushAsync();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
