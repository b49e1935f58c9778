using Microsoft.Extensions.AI;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Indexing;

/// <summary>
/// Embeds passages for the index when a provider's embedding model is configured; offline it embeds nothing, and the
/// vector leg is the lexical cosine scored from the index's own postings (<see cref="TermWeighting"/>). Which of the two
/// is chosen once, at wiring.
/// </summary>
public sealed class PassageEncoder
{
    /// <summary>Identifies the offline form in <see cref="IndexSettings.EmbedderId"/>.</summary>
    public const string OfflineId = "offline/lexical-cosine";

    // Large enough to amortize a provider's per-request cost, small enough for its request-size limits.
    private const int BatchSize = 64;

    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embedder;

    private PassageEncoder(IEmbeddingGenerator<string, Embedding<float>>? embedder) => _embedder = embedder;

    /// <summary>No provider: passages carry no vectors.</summary>
    public static PassageEncoder Offline { get; } = new(null);

    /// <summary>Passages carry the provider's embeddings.</summary>
    public static PassageEncoder With(IEmbeddingGenerator<string, Embedding<float>> embedder) => new(embedder);

    /// <summary>Whether passages and queries are embedded by a provider.</summary>
    public bool Embeds => _embedder is not null;

    /// <summary>Identifies the vectors this encoder makes, for <see cref="IndexSettings.EmbedderId"/>.</summary>
    public string EmbedderId
    {
        get
        {
            if (_embedder is null) return OfflineId;
            var metadata = _embedder.GetService<EmbeddingGeneratorMetadata>();
            return $"{metadata?.ProviderName ?? _embedder.GetType().Name}/{metadata?.DefaultModelId ?? "default"}";
        }
    }

    /// <summary>Dimensions the embedder reports, 0 offline, or null when it only tells by embedding something.</summary>
    public int? Dimensions => _embedder is null ? 0 : _embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions;

    /// <summary>Encodes passages, preserving order.</summary>
    public async Task<List<IndexedPassage>> EncodeAsync(IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        if (_embedder is null) return [.. passages.Select(p => new IndexedPassage(p, ReadOnlyMemory<float>.Empty))];
        var result = new List<IndexedPassage>(passages.Count);
        for (var start = 0; start < passages.Count; start += BatchSize)
        {
            var batch = passages.Skip(start).Take(BatchSize).ToList();
            var vectors = await _embedder.GenerateAsync(batch.Select(PassageTerms.IndexedText), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (vectors.Count != batch.Count) throw new InvalidOperationException($"The embedding generator returned {vectors.Count} vectors for {batch.Count} texts.");
            for (var i = 0; i < batch.Count; i++) result.Add(new IndexedPassage(batch[i], vectors[i].Vector));
        }

        return result;
    }

    /// <summary>Embeds one query text with the provider; only called when <see cref="Embeds"/>.</summary>
    public async Task<float[]> EmbedQueryAsync(string text, CancellationToken cancellationToken)
    {
        var embedder = _embedder ?? throw new InvalidOperationException("No embedding provider is configured.");
        var vectors = await embedder.GenerateAsync([text], cancellationToken: cancellationToken).ConfigureAwait(false);
        return vectors[0].Vector.ToArray();
    }
}
