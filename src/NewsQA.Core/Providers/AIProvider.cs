namespace NewsQA.Core.Providers;

/// <summary>Where answers and embeddings come from. <see cref="Local"/> needs no network, model or key.</summary>
public enum AIProvider
{
    Local,
    OpenAI,
    AzureOpenAI,
    Ollama,
    OpenAICompatible,
}
