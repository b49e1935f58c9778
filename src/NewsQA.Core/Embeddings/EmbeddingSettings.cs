namespace NewsQA.Core.Embeddings;

/// <summary>
/// How passages and questions are sent to an embedding provider (from section AI): texts per request, requests in
/// flight at once, the dimensions asked of models that can shorten their embeddings (null: the model's own), and how
/// long a question's embedding may take before the keyword leg answers alone.
/// </summary>
public sealed record EmbeddingSettings(int BatchSize = 64, int Concurrency = 4, int? Dimensions = null, int QueryTimeoutMilliseconds = 3000);
