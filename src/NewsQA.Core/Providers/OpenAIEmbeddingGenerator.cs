using Microsoft.Extensions.AI;
using OpenAI.Embeddings;
using EmbeddingGenerationOptions = Microsoft.Extensions.AI.EmbeddingGenerationOptions;

namespace NewsQA.Core.Providers;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over the official OpenAI SDK's <see cref="EmbeddingClient"/>
/// (any server with the OpenAI embeddings API). Like <see cref="OpenAIChatClient"/>, a stand-in for the adapter in
/// Microsoft.Extensions.AI.OpenAI.
/// </summary>
public sealed class OpenAIEmbeddingGenerator(EmbeddingClient client, string providerName, Uri? endpoint, string model) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new(providerName, endpoint, model);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = await client.GenerateEmbeddingsAsync(values.ToList(), cancellationToken: cancellationToken).ConfigureAwait(false);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var item in result.Value.OrderBy(e => e.Index))
        {
            embeddings.Add(new Embedding<float>(item.ToFloats()) { ModelId = model, CreatedAt = DateTimeOffset.UtcNow });
        }

        return embeddings;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
