using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using NewsQA.Core.Text;

namespace NewsQA.Core.Embeddings;

/// <summary>
/// The offline embedding generator: no model file, no network. A text becomes a fixed-size, L2-normalized vector by
/// feature hashing (Weinberger et al., 2009) of its analyzed terms and of the character 4-grams of its words, each
/// weighted 1 + ln(tf). The n-grams let related word forms the light stemmer leaves apart (broken plurals, attached
/// pronouns, spelling variants) still land near each other. The summarizer uses it to compare sentences; retrieval's
/// offline vector leg scores the same weighting exactly from the index (Retrieval/LexicalScorer).
/// </summary>
public sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int DefaultDimensions = 4096;

    private const char TermFeature = 'w';
    private const char GramFeature = 'g';

    // A word's grams together weigh about as much as the word: each of a typical word's ~4 grams gets a quarter.
    private const double GramWeight = 0.25;

    private readonly EmbeddingGeneratorMetadata _metadata;

    public HashingEmbeddingGenerator(int dimensions = DefaultDimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 16);
        Dimensions = dimensions;
        _metadata = new EmbeddingGeneratorMetadata("newsqa-local", null, ModelId, dimensions);
    }

    public int Dimensions { get; }

    /// <summary>Identifies the feature scheme; persisted vectors from another scheme are re-embedded.</summary>
    public string ModelId => $"newsqa-hashing-v2-{TextAnalyzer.Version}";

    /// <summary>Embeds one text.</summary>
    public float[] Embed(ReadOnlySpan<char> text)
    {
        var counts = new Dictionary<(char Kind, string Feature), int>();
        var (terms, grams) = CharacterGrams.AnalyzeWithTerms(text);
        foreach (var term in terms) Increment(counts, (TermFeature, term));
        foreach (var gram in grams) Increment(counts, (GramFeature, gram));

        var vector = new float[Dimensions];
        foreach (var ((kind, feature), tf) in counts)
        {
            var weight = (1 + Math.Log(tf)) * (kind == GramFeature ? GramWeight : 1);
            FeatureHasher.Add(vector, FeatureHasher.Hash(kind, feature), (float)weight);
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Embed(value)) { ModelId = ModelId, CreatedAt = DateTimeOffset.UtcNow });
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static void Increment(Dictionary<(char, string), int> counts, (char, string) key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
