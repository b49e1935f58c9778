using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using NewsQA.Core.Embeddings;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Indexing;

/// <summary>
/// Embeds passages for the index when a provider's embedding model is configured; offline it embeds nothing, and the
/// vector leg is the lexical cosine scored from the index's own postings (<see cref="TermWeighting"/>). Which of the two
/// is chosen once, at wiring. Passages whose text is in the <see cref="EmbeddingCache"/> are not sent again; the rest
/// go in batches of <see cref="EmbeddingSettings.BatchSize"/>, <see cref="EmbeddingSettings.Concurrency"/> requests at
/// a time (429s and their Retry-After are the HTTP client's resilience handler's). A question's embedding is kept for
/// the next few questions, so every leg and follow-up step that needs it pays for it once.
/// </summary>
public sealed class PassageEncoder
{
    /// <summary>Identifies the offline form in <see cref="IndexSettings.EmbedderId"/>.</summary>
    public const string OfflineId = "offline/lexical-cosine";

    // Questions whose embeddings are kept: a conversation's follow-ups and a question's retries are recent.
    private const int RecentQuestions = 256;

    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embedder;
    private readonly EmbeddingSettings _settings;
    private readonly ConcurrentDictionary<string, float[]> _questions = new(StringComparer.Ordinal);

    private PassageEncoder(IEmbeddingGenerator<string, Embedding<float>>? embedder, EmbeddingSettings settings)
    {
        _embedder = embedder;
        _settings = settings;
    }

    /// <summary>No provider: passages carry no vectors.</summary>
    public static PassageEncoder Offline { get; } = new(null, new EmbeddingSettings());

    /// <summary>Passages carry the provider's embeddings.</summary>
    public static PassageEncoder With(IEmbeddingGenerator<string, Embedding<float>> embedder, EmbeddingSettings? settings = null) =>
        new(embedder, settings ?? new EmbeddingSettings());

    /// <summary>Whether passages and queries are embedded by a provider.</summary>
    public bool Embeds => _embedder is not null;

    public EmbeddingSettings Settings => _settings;

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

    /// <summary>Dimensions asked for or reported by the embedder, 0 offline, or null when it only tells by embedding something.</summary>
    public int? Dimensions => _embedder is null ? 0 : _settings.Dimensions ?? _embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions;

    /// <summary>
    /// The cache of this encoder's vectors for the index at <paramref name="indexPath"/>; the caller disposes it. Null
    /// offline, and when another process holds it (that run then pays for its embeddings rather than wait).
    /// </summary>
    public EmbeddingCache? OpenCache(string indexPath)
    {
        if (_embedder is null) return null;
        var dimensions = Dimensions?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "native";
        try
        {
            return EmbeddingCache.Open(EmbeddingCache.PathFor(indexPath, $"{EmbedderId}-{dimensions}"));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Encodes passages, preserving order; with a cache, only passages it does not hold are sent.</summary>
    public async Task<List<IndexedPassage>> EncodeAsync(
        IReadOnlyList<Passage> passages, CancellationToken cancellationToken, EmbeddingCache? cache = null, EmbeddingTally? tally = null)
    {
        if (_embedder is null) return [.. passages.Select(p => new IndexedPassage(p, ReadOnlyMemory<float>.Empty))];
        var texts = passages.Select(PassageTerms.IndexedText).ToList();
        var keys = texts.Select(EmbeddingCache.KeyOf).ToList();
        var vectors = new ReadOnlyMemory<float>?[passages.Count];
        var missing = new List<int>();
        for (var i = 0; i < passages.Count; i++)
        {
            if (cache?.Find(keys[i]) is { } kept && (Dimensions is not > 0 || kept.Length == Dimensions)) vectors[i] = kept;
            else missing.Add(i);
        }

        tally?.AddReused(passages.Count - missing.Count);
        var batches = missing.Chunk(_settings.BatchSize).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _settings.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batches, parallel, async (batch, ct) =>
        {
            var sent = batch.Select(i => texts[i]).ToList();
            var embedded = await _embedder.GenerateAsync(sent, Options, ct).ConfigureAwait(false);
            if (embedded.Count != batch.Length) throw new InvalidOperationException($"The embedding generator returned {embedded.Count} vectors for {batch.Length} texts.");
            for (var j = 0; j < batch.Length; j++) vectors[batch[j]] = embedded[j].Vector;
            cache?.Add([.. batch.Select((i, j) => (keys[i], embedded[j].Vector))]);
            tally?.AddEmbedded(batch.Length, sent.Sum(t => (long)EmbeddingTokens.Count(t)));
        }).ConfigureAwait(false);
        return [.. passages.Select((p, i) => new IndexedPassage(p, vectors[i]!.Value))];
    }

    /// <summary>
    /// The provider's embedding of a question, computed once for recent questions; null when the provider fails or
    /// takes longer than <see cref="EmbeddingSettings.QueryTimeoutMilliseconds"/> (the keyword leg then answers alone).
    /// Only called when <see cref="Embeds"/>.
    /// </summary>
    public async Task<float[]?> TryEmbedQueryAsync(string text, CancellationToken cancellationToken)
    {
        var embedder = _embedder ?? throw new InvalidOperationException("No embedding provider is configured.");
        if (_questions.TryGetValue(text, out var known)) return known;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_settings.QueryTimeoutMilliseconds);
        try
        {
            var vectors = await embedder.GenerateAsync([text], Options, deadline.Token).ConfigureAwait(false);
            var vector = vectors[0].Vector.ToArray();
            if (_questions.Count >= RecentQuestions) _questions.Clear();
            _questions[text] = vector;
            return vector;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private EmbeddingGenerationOptions? Options => _settings.Dimensions is { } dimensions ? new EmbeddingGenerationOptions { Dimensions = dimensions } : null;
}
