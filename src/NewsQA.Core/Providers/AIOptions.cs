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
