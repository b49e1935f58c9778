using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace NewsQA.Testing;

/// <summary>
/// An OpenAI-compatible model server on loopback for tests: chat completions (plain, and streamed as server-sent
/// events) and embeddings, served to the real OpenAI SDK. What the model writes comes from <see cref="Reply"/>, in
/// pieces; <see cref="BeforePiece"/> runs before each streamed piece is written, so a test can hold the stream at a
/// piece, or move a fake clock, deterministically. <see cref="Failures"/> are status codes to answer first, one a request;
/// <see cref="Misbehave"/> chooses, per request, a way to break the reply (<see cref="ModelMisbehaviour"/>).
/// </summary>
public sealed class LoopbackModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackModelServer(WebApplication app) => _app = app;

    /// <summary>The pieces the model writes for a request (joined for a plain completion).</summary>
    public Func<ModelRequest, IReadOnlyList<string>> Reply { get; set; } = _ => ["NOT_FOUND"];

    /// <summary>Awaited before streamed piece number <c>i</c> (from 0) of a request is written.</summary>
    public Func<ModelRequest, int, Task> BeforePiece { get; set; } = (_, _) => Task.CompletedTask;

    /// <summary>The way a request's reply is broken, or null to answer it properly.</summary>
    public Func<ModelRequest, ModelMisbehaviour?> Misbehave { get; set; } = _ => null;

    public ConcurrentQueue<int> Failures { get; } = new();

    /// <summary>The vector an embedding request's input gets (by default its length, 1 and 0).</summary>
    public Func<string, float[]> Embed { get; set; } = text => [text.Length, 1f, 0f];

    /// <summary>Status codes to answer embedding requests with first, one a request (with <see cref="EmbeddingRetryAfter"/>).</summary>
    public ConcurrentQueue<int> EmbeddingFailures { get; } = new();

    /// <summary>The Retry-After header (seconds) sent with each of <see cref="EmbeddingFailures"/>.</summary>
    public string EmbeddingRetryAfter { get; set; } = "0";

    /// <summary>When each embedding request arrived, in order.</summary>
    public ConcurrentQueue<DateTimeOffset> EmbeddingArrivals { get; } = new();

    public ConcurrentQueue<ModelRequest> Requests { get; } = new();

    public string ExpectedKey { get; set; } = "test-key";

    /// <summary>The base address clients use as AI:Endpoint (ends in /v1/).</summary>
    public Uri Endpoint => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1/");

    public static async Task<LoopbackModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackModelServer(app);
        app.MapPost("/v1/chat/completions", server.ChatAsync);
        app.MapPost("/v1/embeddings", server.EmbeddingsAsync);
        await app.StartAsync();
        return server;
    }

    private async Task ChatAsync(HttpContext context)
    {
        var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = new ModelRequest(body.RootElement.Clone());
        Requests.Enqueue(request);
        if (context.Request.Headers.Authorization != $"Bearer {ExpectedKey}")
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "invalid key", type = "invalid_request_error" } });
            return;
        }

        if (Failures.TryDequeue(out var status))
        {
            context.Response.StatusCode = status;
            context.Response.Headers.RetryAfter = "0";
            return;
        }

        var pieces = Reply(request);
        if (Misbehave(request) is { } misbehaviour)
        {
            await misbehaviour.WriteAsync(context, request, pieces);
            return;
        }

        if (!request.Stream)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ModelMisbehaviour.PlainReply(request, string.Concat(pieces)));
            return;
        }

        context.Response.ContentType = "text/event-stream";
        for (var i = 0; i < pieces.Count; i++)
        {
            await BeforePiece(request, i);
            await context.Response.WriteAsync($"data: {ModelMisbehaviour.Chunk(request, pieces[i])}\n\n");
            await context.Response.Body.FlushAsync();
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private async Task EmbeddingsAsync(HttpContext context)
    {
        EmbeddingArrivals.Enqueue(DateTimeOffset.UtcNow);
        var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = new ModelRequest(body.RootElement.Clone());
        Requests.Enqueue(request);
        var inputs = body.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetString()!).ToList();
        if (EmbeddingFailures.TryDequeue(out var status))
        {
            context.Response.StatusCode = status;
            context.Response.Headers.RetryAfter = EmbeddingRetryAfter;
            return;
        }

        await context.Response.WriteAsJsonAsync(new
        {
            @object = "list", model = request.Model,
            data = inputs.Select((text, i) => new { @object = "embedding", index = i, embedding = Embed(text) }),
            usage = new { prompt_tokens = 5, total_tokens = 5 },
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
