using Microsoft.Extensions.AI;
using NewsQA.Core.Embeddings;

namespace NewsQA.Core.Tests.Support;

/// <summary>The offline generator, counting how many texts it embedded; can be told to fail after some.</summary>
public sealed class CountingEmbeddingGenerator(int dimensions = 256) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly HashingEmbeddingGenerator _inner = new(dimensions);

    public int TextsEmbedded { get; private set; }

    public int? FailAfter { get; set; }

    /// <summary>Set, every call waits for it to be cancelled: a provider that does not answer.</summary>
    public bool Hang { get; set; }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = values.ToList();
        if (Hang) await Task.Delay(Timeout.Infinite, cancellationToken);
        if (FailAfter is { } limit && TextsEmbedded + list.Count > limit) throw new IOException("embedding provider went away");
        TextsEmbedded += list.Count;
        return await _inner.GenerateAsync(list, options, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

    public void Dispose() => _inner.Dispose();
}
