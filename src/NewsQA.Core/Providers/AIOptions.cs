using System.ComponentModel.DataAnnotations;

namespace NewsQA.Core.Providers;

/// <summary>
/// Section "AI": the language-model and embedding provider. The key is a secret: it comes from the environment
/// (NEWSQA_AI__ApiKey, or OPENAI_API_KEY / AZURE_OPENAI_API_KEY) or user-secrets, never from a committed file.
/// </summary>
public sealed class AIOptions : IValidatableObject
{
    public const string SectionName = "AI";

    public AIProvider Provider { get; set; } = AIProvider.Local;

    /// <summary>Base URL: required for AzureOpenAI (https://NAME.openai.azure.com) and OpenAICompatible; Ollama defaults to http://localhost:11434.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Chat model (for AzureOpenAI, the deployment name).</summary>
    public string? ChatModel { get; set; }

    /// <summary>Embedding model; when empty, retrieval keeps the offline embedding.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>
    /// Dimensions asked of an embedding model that can shorten its embeddings (OpenAI's text-embedding-3 models and
    /// compatible servers take a `dimensions` parameter); empty for the model's own. Changing it rebuilds the index
    /// (its vectors differ) and starts a new embedding cache.
    /// </summary>
    [Range(1, 16384)]
    public int? EmbeddingDimensions { get; set; }

    /// <summary>Passages per embedding request: large enough to amortize a request's cost, small enough for providers' request limits (OpenAI takes up to 2,048 inputs).</summary>
    [Range(1, 2048)]
    public int EmbeddingBatchSize { get; set; } = 64;

    /// <summary>Embedding requests in flight at once while indexing: more hides each request's latency, up to the provider's rate limit (429s are retried after their Retry-After).</summary>
    [Range(1, 32)]
    public int EmbeddingConcurrency { get; set; } = 4;

    /// <summary>Milliseconds a question's embedding may take; past it (or when the provider fails) the keyword leg answers alone.</summary>
    [Range(50, 60_000)]
    public int EmbeddingQueryTimeoutMilliseconds { get; set; } = 3000;

    /// <summary>The embedding settings these options describe.</summary>
    public Embeddings.EmbeddingSettings Embedding => new(EmbeddingBatchSize, EmbeddingConcurrency, EmbeddingDimensions, EmbeddingQueryTimeoutMilliseconds);

    /// <summary>The provider key; set it through the environment, not in appsettings.json.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Seconds the model may take over one answer, every prompt it makes included (the follow-up rewrite, the query
    /// translation, the answer or summary and its second attempt), retries and their waits too (each attempt gets at
    /// most half); also the bound of any single provider call. Past it the model's part is abandoned, even while its
    /// stream still trickles, and the offline answer used (<see cref="ModelDeadline"/>).
    /// </summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// The most characters of a model's reply read for one answer: past it the reply is no longer read, cut at its last
    /// whole sentence and marked as cut (<see cref="Answering.Generators.ModelReplyCap"/>). The prompts ask for at most 900 tokens (about
    /// 4,500 characters of English, fewer of Arabic), so the default leaves a compliant model room and stops one that is
    /// not.
    /// </summary>
    [Range(500, 1_000_000)]
    public int MaxAnswerChars { get; set; } = 8000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == AIProvider.Local) yield break;
        if (string.IsNullOrWhiteSpace(ChatModel)) yield return Missing("AI:ChatModel", "the chat model (or Azure deployment) name");
        if (Provider is AIProvider.OpenAI or AIProvider.AzureOpenAI && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return Missing("AI:ApiKey", "the provider key, from the environment variable NEWSQA_AI__ApiKey (or OPENAI_API_KEY / AZURE_OPENAI_API_KEY)");
        }

        if (Provider is AIProvider.AzureOpenAI or AIProvider.OpenAICompatible && Endpoint is null) yield return Missing("AI:Endpoint", "the provider's base URL");
    }

    private ValidationResult Missing(string key, string what) =>
        new($"AI:Provider is {Provider} but {key} is not set: {what}. See README, section Providers.", [key]);
}
