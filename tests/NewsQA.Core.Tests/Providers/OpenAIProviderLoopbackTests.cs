using System.ClientModel;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Providers;
using OpenAI;

namespace NewsQA.Core.Tests.Providers;

/// <summary>
/// The adapters driven through the official OpenAI SDK against a real HTTP server on loopback that serves the
/// chat-completions (plain and server-sent events) and embeddings routes.
/// </summary>
public sealed class OpenAIProviderLoopbackTests : IAsyncLifetime
{
    private WebApplication _server = null!;
    private readonly List<JsonDocument> _requests = [];

    private Uri BaseAddress => new(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1/");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapPost("/v1/chat/completions", HandleChatAsync);
        _server.MapPost("/v1/embeddings", HandleEmbeddingsAsync);
        await _server.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task HandleChatAsync(HttpContext context)
    {
        var request = await JsonDocument.ParseAsync(context.Request.Body);
        _requests.Add(request);
        if (context.Request.Headers.Authorization != "Bearer test-key")
        {
            context.Response.StatusCode = 401;
            return;
        }

        var stream = request.RootElement.TryGetProperty("stream", out var s) && s.GetBoolean();
        if (!stream)
        {
            await context.Response.WriteAsJsonAsync(new
            {
                id = "chatcmpl-1", @object = "chat.completion", created = 1_700_000_000, model = "test-model",
                choices = new[] { new { index = 0, finish_reason = "stop", message = new { role = "assistant", content = "كريم النوري [1]." } } },
                usage = new { prompt_tokens = 10, completion_tokens = 3, total_tokens = 13 },
            });
            return;
        }

        context.Response.ContentType = "text/event-stream";
        foreach (var piece in new[] { "كريم ", "النوري ", "[1]." })
        {
            var chunk = JsonSerializer.Serialize(new
            {
                id = "chatcmpl-2", @object = "chat.completion.chunk", created = 1_700_000_000, model = "test-model",
                choices = new[] { new { index = 0, delta = new { content = piece }, finish_reason = (string?)null } },
            });
            await context.Response.WriteAsync($"data: {chunk}\n\n");
            await context.Response.Body.FlushAsync();
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private async Task HandleEmbeddingsAsync(HttpContext context)
    {
        var request = await JsonDocument.ParseAsync(context.Request.Body);
        _requests.Add(request);
        var inputs = request.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetString()!).ToList();
        await context.Response.WriteAsJsonAsync(new
        {
            @object = "list", model = "test-embed",
            data = inputs.Select((text, i) => new { @object = "embedding", index = i, embedding = new[] { text.Length, 1f, 0f } }).Reverse(),
            usage = new { prompt_tokens = 5, total_tokens = 5 },
        });
    }

    private OpenAIClient Client(string key = "test-key") => new(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = BaseAddress });

    [Fact]
    public async Task Chat_SendsMessagesAndSettings_AndReadsTheReply()
    {
        using var chat = new OpenAIChatClient(Client().GetChatClient("test-model"), "OpenAICompatible", BaseAddress, "test-model");
        var response = await chat.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "rules"), new ChatMessage(ChatRole.User, "من هو المتحدث؟")],
            new ChatOptions { Temperature = 0.1f, MaxOutputTokens = 50 });

        Assert.Equal("كريم النوري [1].", response.Text);
        var sent = _requests.Single().RootElement;
        Assert.Equal("test-model", sent.GetProperty("model").GetString());
        Assert.Equal(0.1, sent.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal(["system", "user"], sent.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("من هو المتحدث؟", sent.GetProperty("messages")[1].GetProperty("content").GetString());
    }

    [Fact]
    public async Task Chat_Streams_ServerSentEvents()
    {
        using var chat = new OpenAIChatClient(Client().GetChatClient("test-model"), "OpenAICompatible", BaseAddress, "test-model");
        var pieces = new List<string>();
        await foreach (var update in chat.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "q")])) pieces.Add(update.Text);

        Assert.Equal(["كريم ", "النوري ", "[1]."], pieces);
        Assert.True(_requests.Single().RootElement.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task Chat_WithAWrongKey_Throws_SoTheAnswererCanFallBack()
    {
        using var chat = new OpenAIChatClient(Client("wrong").GetChatClient("test-model"), "OpenAICompatible", BaseAddress, "test-model");
        await Assert.ThrowsAsync<ClientResultException>(() => chat.GetResponseAsync([new ChatMessage(ChatRole.User, "q")]));
    }

    [Fact]
    public async Task Embeddings_ReturnVectorsInInputOrder()
    {
        using var generator = new OpenAIEmbeddingGenerator(Client().GetEmbeddingClient("test-embed"), "OpenAICompatible", BaseAddress, "test-embed");
        var embeddings = await generator.GenerateAsync(["a", "abc"]);

        Assert.Equal([1f, 3f], embeddings.Select(e => e.Vector.Span[0]));
        Assert.Equal("test-embed", _requests.Single().RootElement.GetProperty("model").GetString());
        Assert.Equal("test-embed", generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId);
    }
}
