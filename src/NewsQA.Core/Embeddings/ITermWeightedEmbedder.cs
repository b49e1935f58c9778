namespace NewsQA.Core.Embeddings;

/// <summary>
/// An embedding generator that can weight a query's terms by the index's idf (the offline hashing generator). Reached
/// through <c>GetService</c>, which Microsoft.Extensions.AI's delegating wrappers pass through, rather than through
/// EmbeddingGenerationOptions' property bag, which a wrapper may rebuild or drop.
/// </summary>
public interface ITermWeightedEmbedder
{
    /// <summary>Embeds one text; <paramref name="termWeights"/>, when given, multiplies each index term's weight.</summary>
    float[] Embed(ReadOnlySpan<char> text, Func<string, double>? termWeights = null);
}
