using System.ClientModel;
using System.Reflection;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using NewsQA.Core.Embeddings;
using NewsQA.Core.Prompts;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Providers;

/// <summary>
/// The provider wiring as the hosts get it (AddNewsQA with AI:Provider=OpenAICompatible): Microsoft.Extensions.AI's
/// OpenAI clients driving the real OpenAI SDK against a model server on loopback (chat plain and as server-sent
/// events, embeddings), through the resilience handler.
/// </summary>
public sealed class OpenAIProviderLoopbackTests : IAsyncLifetime
{
    private LoopbackModelServer _model = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _model = await LoopbackModelServer.StartAsync();
        _model.Reply = _ => ["كريم ", "النوري ", "[1]."];
        _services = Services();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _model.DisposeAsync();
    }

    private ServiceProvider Services(string key = "test-key", string? endpoint = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AI:Provider"] = "OpenAICompatible",
            ["AI:Endpoint"] = endpoint ?? _model.Endpoint.ToString(),
            ["AI:ChatModel"] = "test-model",
            ["AI:EmbeddingModel"] = "test-embed",
            ["AI:ApiKey"] = key,
            ["AI:TimeoutSeconds"] = "30",
        }).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddNewsQA(configuration).BuildServiceProvider();
    }

    private IChatClient Chat => _services.GetRequiredService<IChatClient>();

    [Fact]
    public async Task Chat_SendsMessagesAndOptions_AndReadsTheReplyWithItsUsage()
    {
        var response = await Chat.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "rules"), new ChatMessage(ChatRole.User, "من هو المتحدث؟")],
            new ChatOptions { Temperature = 0.1f, MaxOutputTokens = 50 });

        Assert.Equal("كريم النوري [1].", response.Text);
        Assert.Equal(100, response.Usage?.InputTokenCount);
        Assert.Equal(20, response.Usage?.OutputTokenCount);
        var sent = Assert.Single(_model.Requests);
        Assert.Equal("test-model", sent.Model);
        Assert.Equal(0.1, sent.Body.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal(["system", "user"], sent.Messages.Select(m => m.Role));
        Assert.Equal("من هو المتحدث؟", sent.User);
    }

    [Fact]
    public async Task Chat_Streams_ServerSentEvents()
    {
        var pieces = new List<string>();
        await foreach (var update in Chat.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "q")])) pieces.Add(update.Text);

        Assert.Equal(["كريم ", "النوري ", "[1]."], pieces.Where(p => p.Length > 0));
        Assert.True(Assert.Single(_model.Requests).Stream);
    }

    [Fact]
    public async Task APromptFile_RunsThroughTheKernel_WithItsExecutionSettings()
    {
        var kernel = _services.GetRequiredService<Kernel>();
        var reply = await _services.GetRequiredService<PromptFunctions>().InvokeAsync(kernel, PromptNames.Answer, PromptSamples.For(PromptNames.Answer), CancellationToken.None);

        Assert.Equal("كريم النوري [1].", reply);
        var sent = Assert.Single(_model.Requests);
        Assert.True(sent.IsAnswer);
        Assert.Equal(0.1, sent.Body.GetProperty("temperature").GetDouble(), 3);
        var maxTokens = sent.Body.TryGetProperty("max_completion_tokens", out var m) ? m : sent.Body.GetProperty("max_tokens");
        Assert.Equal(600, maxTokens.GetInt32());
        Assert.Contains("[1] عنوان (paragraph 1)", sent.User);
    }

    [Fact]
    public async Task TransientFailures_AreRetried_WithinTheBudget()
    {
        _model.Failures.Enqueue(429);
        _model.Failures.Enqueue(503);
        var response = await Chat.GetResponseAsync([new ChatMessage(ChatRole.User, "q")]);

        Assert.Equal("كريم النوري [1].", response.Text);
        Assert.Equal(3, _model.Requests.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheEndpoint_IsTheServersV1BaseUrl_WithOrWithoutTheTrailingSlash(bool slash)
    {
        // What README, Providers, tells an OpenAI-compatible server's user to set: http://HOST:PORT/v1 (the SDK adds chat/completions).
        var v1 = _model.Endpoint.ToString().TrimEnd('/');
        await using var services = Services(endpoint: slash ? v1 + "/" : v1);

        var response = await services.GetRequiredService<IChatClient>().GetResponseAsync([new ChatMessage(ChatRole.User, "q")]);

        Assert.Equal("كريم النوري [1].", response.Text);
    }

    [Fact]
    public async Task AWrongKey_Throws_WithoutRetrying_SoTheAnswererCanFallBack()
    {
        await using var services = Services("wrong");
        await Assert.ThrowsAsync<ClientResultException>(() => services.GetRequiredService<IChatClient>().GetResponseAsync([new ChatMessage(ChatRole.User, "q")]));
        Assert.Single(_model.Requests);
    }

    [Fact]
    public async Task Embeddings_ReturnVectorsInInputOrder_AndPassTheRequestedDimensions()
    {
        var generator = _services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var embeddings = await generator.GenerateAsync(["a", "abc"], new EmbeddingGenerationOptions { Dimensions = 3 });

        Assert.Equal([1f, 3f], embeddings.Select(e => e.Vector.Span[0]));
        var sent = Assert.Single(_model.Requests);
        Assert.Equal("test-embed", sent.Model);
        Assert.Equal(3, sent.Body.GetProperty("dimensions").GetInt32());
        Assert.Equal("test-embed", generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId);
    }

    [Fact]
    public void Core_ImplementsNoChatClientOrEmbeddingGeneratorOverTheOpenAISdk()
    {
        var types = typeof(NewsQAServiceCollectionExtensions).Assembly.GetTypes();
        Assert.DoesNotContain(types, t => typeof(IChatClient).IsAssignableFrom(t));
        var generators = types.Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEmbeddingGenerator<,>)));
        Assert.Equal([typeof(HashingEmbeddingGenerator)], generators); // the offline one, which calls nothing
        Assert.DoesNotContain(typeof(HashingEmbeddingGenerator).GetFields(BindingFlags.NonPublic | BindingFlags.Instance), f => f.FieldType.Namespace?.StartsWith("OpenAI", StringComparison.Ordinal) == true);
    }
}
