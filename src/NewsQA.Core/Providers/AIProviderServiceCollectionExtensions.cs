using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenAI;

namespace NewsQA.Core.Providers;

/// <summary>Registers the chat client and embedding generator for AI:Provider: the one place a provider is chosen.</summary>
public static class AIProviderServiceCollectionExtensions
{
    /// <summary>
    /// Binds section AI and, for a network provider, registers its <see cref="IChatClient"/> (and its
    /// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> when AI:EmbeddingModel is set). Local registers nothing:
    /// the offline answerer and embedding stay in place.
    /// </summary>
    public static IServiceCollection AddNewsQAProviders(this IServiceCollection services, AIOptions settings)
    {
        services.AddOptions<AIOptions>().BindConfiguration(AIOptions.SectionName)
            .PostConfigure(o => o.ApiKey ??= ApiKeyFromEnvironment(o.Provider))
            .ValidateDataAnnotations().ValidateOnStart();
        if (settings.Provider == AIProvider.Local) return services;

        services.AddSingleton(sp => CreateClient(sp.GetRequiredService<IOptions<AIOptions>>().Value));
        services.AddSingleton<IChatClient>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AIOptions>>().Value;
            return new OpenAIChatClient(sp.GetRequiredService<OpenAIClient>().GetChatClient(o.ChatModel), o.Provider.ToString(), o.Endpoint, o.ChatModel!);
        });
        if (!string.IsNullOrWhiteSpace(settings.EmbeddingModel))
        {
            services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
            {
                var o = sp.GetRequiredService<IOptions<AIOptions>>().Value;
                return new OpenAIEmbeddingGenerator(sp.GetRequiredService<OpenAIClient>().GetEmbeddingClient(o.EmbeddingModel), o.Provider.ToString(), o.Endpoint, o.EmbeddingModel!);
            });
        }

        return services;
    }

    /// <summary>The provider key from the conventional environment variables, when AI:ApiKey is not set.</summary>
    public static string? ApiKeyFromEnvironment(AIProvider provider) => provider switch
    {
        AIProvider.OpenAI => Environment.GetEnvironmentVariable("OPENAI_API_KEY"),
        AIProvider.AzureOpenAI => Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY"),
        _ => null,
    };

    private static OpenAIClient CreateClient(AIOptions options)
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
        var clientOptions = new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds) };
        if (endpoint is not null) clientOptions.Endpoint = endpoint;
        // Ollama and most self-hosted servers ignore the key, but the SDK requires one.
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey), clientOptions);
    }
}
