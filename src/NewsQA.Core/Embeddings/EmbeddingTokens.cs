using Microsoft.ML.Tokenizers;

namespace NewsQA.Core.Embeddings;

/// <summary>
/// Counts the tokens of texts sent to an embedding provider with OpenAI's cl100k_base encoding (the one of
/// text-embedding-3 and ada-002), whose data ships in a NuGet package, so counting needs no download. Other providers'
/// models tokenize differently: for them the count is an estimate of the same order.
/// </summary>
public static class EmbeddingTokens
{
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    public static int Count(string text) => Tokenizer.Value.CountTokens(text);
}
