using System.Net;
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
    private readonly HashingEmbeddingGenerator _embedder;
    private readonly LoopbackListener _listener;
    private long _requests;

    private LoopbackEmbeddingServer(int dimensions)
    {
        _embedder = new HashingEmbeddingGenerator(dimensions);
        _listener = LoopbackListener.Start(AnswerAsync);
        Endpoint = new Uri(_listener.Address, "v1/");
    }

    /// <summary>The base address for AI:Endpoint.</summary>
    public Uri Endpoint { get; }

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Starts a server on a free loopback port.</summary>
    public static LoopbackEmbeddingServer Start(int dimensions) => new(dimensions);

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

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
