using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NewsQA.Core.Embeddings;

namespace NewsQA.Tools.Benchmarking.Hybrid;

/// <summary>
/// A deterministic embedding provider on loopback for `newsqa bench hybrid`: the OpenAI embeddings route
/// (POST /v1/embeddings), answering each input with its <see cref="HashingEmbeddingGenerator"/> vector of the asked
/// dimensions (the same text, the same vector), so the product's dense leg runs through its real HTTP provider path
/// without a network, a key or a model. Counts its requests.
/// </summary>
public sealed class LoopbackEmbeddingServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HashingEmbeddingGenerator _embedder;
    private readonly Task _serving;
    private long _requests;

    private LoopbackEmbeddingServer(int port, int dimensions)
    {
        _embedder = new HashingEmbeddingGenerator(dimensions);
        Endpoint = new Uri($"http://127.0.0.1:{port}/v1/");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>The base address for AI:Endpoint.</summary>
    public Uri Endpoint { get; }

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Starts a server on a free loopback port.</summary>
    public static LoopbackEmbeddingServer Start(int dimensions)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new LoopbackEmbeddingServer(port, dimensions);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        using var response = context.Response;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.InputStream).ConfigureAwait(false);
            var inputs = body.RootElement.GetProperty("input");
            var texts = inputs.ValueKind == JsonValueKind.Array ? inputs.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [inputs.GetString() ?? ""];
            var reply = new
            {
                @object = "list",
                model = body.RootElement.TryGetProperty("model", out var model) ? model.GetString() : "hashing",
                data = texts.Select((text, i) => new { @object = "embedding", index = i, embedding = _embedder.Embed(text) }),
                usage = new { prompt_tokens = 0, total_tokens = 0 },
            };
            response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(response.OutputStream, reply).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            response.StatusCode = 400;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving.ConfigureAwait(false);
    }
}
