using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Telemetry;
using OpenAI;

namespace NewsQA.Core.Providers;

/// <summary>Registers the chat client and embedding generator for AI:Provider: the one place a provider is chosen.</summary>
public static class AIProviderServiceCollectionExtensions
{
    /// <summary>The HttpClient the OpenAI SDK sends through; its handler retries transient failures (<see cref="ProviderResilience"/>).</summary>
    public const string HttpClientName = "NewsQA.AI";

    /// <summary>
    /// Binds section AI and registers, for a network provider, Microsoft.Extensions.AI's <see cref="IChatClient"/> over
    /// the OpenAI SDK (and its <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> when AI:EmbeddingModel is set),
    /// each with OpenTelemetry's GenAI spans and metrics and logging (content only at Trace). The provider is read from
    /// the options when the services are first resolved, so every configuration source counts; with Local there is
    /// neither, and nothing resolves them (the strategies in <see cref="NewsQAServiceCollectionExtensions"/> choose).
    /// </summary>
    public static IServiceCollection AddNewsQAProviders(this IServiceCollection services)
    {
        services.AddOptions<AIOptions>().BindConfiguration(AIOptions.SectionName)
            .PostConfigure(o => o.ApiKey ??= ApiKeyFromEnvironment(o.Provider))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(HttpClientName, (pipeline, context) =>
                ProviderResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<AIOptions>>().Value));
        services.AddSingleton(sp => CreateClient(sp.GetRequiredService<IOptions<AIOptions>>().Value, sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.AddChatClient(sp => Settings(sp).Provider == AIProvider.Local
                ? throw new InvalidOperationException("AI:Provider is Local: no language model is configured. See README, section Providers.")
                : sp.GetRequiredService<OpenAIClient>().GetChatClient(Settings(sp).ChatModel).AsIChatClient())
            .UseOpenTelemetry(sourceName: NewsQATelemetry.GenAISource)
            .UseLogging();
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => Settings(sp) switch
        {
            { Provider: not AIProvider.Local, EmbeddingModel: { } model } when !string.IsNullOrWhiteSpace(model) =>
                new EmbeddingGeneratorBuilder<string, Embedding<float>>(sp.GetRequiredService<OpenAIClient>().GetEmbeddingClient(model).AsIEmbeddingGenerator())
                    .UseOpenTelemetry(sourceName: NewsQATelemetry.GenAISource)
                    .UseLogging()
                    .Build(sp),
            _ => throw new InvalidOperationException("AI:EmbeddingModel is not set: passages are not embedded. See README, section Providers."),
        });
        return services;
    }

    private static AIOptions Settings(IServiceProvider services) => services.GetRequiredService<IOptions<AIOptions>>().Value;

    /// <summary>The provider key from the conventional environment variables, when AI:ApiKey is not set.</summary>
    public static string? ApiKeyFromEnvironment(AIProvider provider) => provider switch
    {
        AIProvider.OpenAI => Environment.GetEnvironmentVariable("OPENAI_API_KEY"),
        AIProvider.AzureOpenAI => Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY"),
        _ => null,
    };

    private static OpenAIClient CreateClient(AIOptions options, HttpClient http)
    {
        var endpoint = options.Provider switch
        {
            // Azure OpenAI serves the OpenAI v1 API under /openai/v1/ and accepts its key as a bearer token there.
            AIProvider.AzureOpenAI => new Uri(options.Endpoint!, "/openai/v1/"),
            AIProvider.Ollama => new Uri(options.Endpoint ?? new Uri("http://localhost:11434"), "/v1/"),
            AIProvider.OpenAICompatible => options.Endpoint!,
            AIProvider.OpenAI => options.Endpoint,
            _ => throw new InvalidOperationException($"Unknown AI:Provider '{options.Provider}'. Use Local, OpenAI, AzureOpenAI, Ollama or OpenAICompatible."),
        };
        var clientOptions = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            // Retries belong to the HttpClient's resilience handler, which knows the whole time budget; the SDK's own
            // would multiply them.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // Bounds a stalled read of a streamed answer, which the handler's timeouts no longer cover once headers are in.
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        };
        if (endpoint is not null) clientOptions.Endpoint = endpoint;
        // Ollama and most self-hosted servers ignore the key, but the SDK requires one.
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey), clientOptions);
    }
}
