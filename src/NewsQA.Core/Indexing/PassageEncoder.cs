using Microsoft.Extensions.AI;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Indexing;

/// <summary>Analyzes and embeds passages in batches: the one place passages become <see cref="IndexedPassage"/>s.</summary>
public sealed class PassageEncoder(IEmbeddingGenerator<string, Embedding<float>> embedder)
{
    // Large enough to amortize a provider's per-request cost, small enough for its request-size limits.
    private const int BatchSize = 64;

    /// <summary>Identifies the vectors this encoder makes, for <see cref="IndexSettings.EmbedderId"/>.</summary>
    public string EmbedderId
    {
        get
        {
            var metadata = embedder.GetService<EmbeddingGeneratorMetadata>();
            return $"{metadata?.ProviderName ?? embedder.GetType().Name}/{metadata?.DefaultModelId ?? "default"}";
        }
    }

    /// <summary>Dimensions the embedder reports, or null when it only tells by embedding something.</summary>
    public int? Dimensions => embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions;

    /// <summary>Encodes passages, preserving order.</summary>
    public async Task<List<IndexedPassage>> EncodeAsync(IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        var result = new List<IndexedPassage>(passages.Count);
        for (var start = 0; start < passages.Count; start += BatchSize)
        {
            var batch = passages.Skip(start).Take(BatchSize).ToList();
            var texts = batch.Select(PassageAnalysis.IndexedText).ToList();
            // Term counting and embedding are independent: the terms are counted on another core meanwhile.
            var counting = Task.Run(() => texts.Select(PassageAnalysis.CountTerms).ToList(), cancellationToken);
            var vectors = await embedder.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
            var counts = await counting.ConfigureAwait(false);
            if (vectors.Count != batch.Count) throw new InvalidOperationException($"The embedding generator returned {vectors.Count} vectors for {batch.Count} texts.");
            for (var i = 0; i < batch.Count; i++)
            {
                var (terms, frequencies, length) = counts[i];
                result.Add(new IndexedPassage(batch[i], terms, frequencies, length, vectors[i].Vector));
            }
        }

        return result;
    }

    /// <summary>Embeds one query text, with the index's term weights for generators that use them.</summary>
    public async Task<float[]> EmbedQueryAsync(string text, Func<string, double>? termWeights, CancellationToken cancellationToken)
    {
        if (embedder.GetService<Embeddings.ITermWeightedEmbedder>() is { } weighted) return weighted.Embed(text, termWeights);
        var vectors = await embedder.GenerateAsync([text], cancellationToken: cancellationToken).ConfigureAwait(false);
        return vectors[0].Vector.ToArray();
    }
}
