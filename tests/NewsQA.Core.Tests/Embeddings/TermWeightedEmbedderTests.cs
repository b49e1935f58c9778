using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using NewsQA.Core.Embeddings;
using NewsQA.Core.Indexing;

namespace NewsQA.Core.Tests.Embeddings;

public class TermWeightedEmbedderTests
{
    [Fact]
    public async Task QueryTermWeights_ReachTheOfflineGenerator_ThroughAMicrosoftExtensionsAIWrapper()
    {
        var hashing = new HashingEmbeddingGenerator(256);
        using var wrapped = new EmbeddingGeneratorBuilder<string, Embedding<float>>(hashing).UseLogging(NullLoggerFactory.Instance).Build();
        static double Weights(string term) => term.Contains("تحالف", StringComparison.Ordinal) ? 5 : 0.1;

        var vector = await new PassageEncoder(wrapped).EmbedQueryAsync("انسحاب قوات التحالف", Weights, CancellationToken.None);

        Assert.Equal(hashing.Embed("انسحاب قوات التحالف", Weights), vector);
        Assert.NotEqual(hashing.Embed("انسحاب قوات التحالف"), vector);
    }
}
