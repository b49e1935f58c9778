using Microsoft.Extensions.Configuration;
using NewsQA.Core.Tests.Support;
using NewsQA.Tools.Benchmarking;
using NewsQA.Tools.Benchmarking.Hybrid;

namespace NewsQA.Tools.Tests.Benchmarking.Hybrid;

/// <summary>
/// `bench hybrid` end to end on a small corpus, its embeddings from the loopback server through the product's provider:
/// both modes answer, the hybrid question's parts are timed apart with the dense leg's recall, and a kept index is reused
/// without embedding its passages again.
/// </summary>
public sealed class HybridBenchmarkTests
{
    private static readonly string[] Topics = ["election", "harbour", "drought", "vaccine", "railway", "orchestra", "satellite"];

    [Fact]
    public async Task Run_TimesBothModesAndTheDenseLegsParts_AndReusesAKeptIndex()
    {
        using var temp = new TempFolder();
        var corpus = temp.File("corpus.jsonl");
        var questions = temp.File("questions.jsonl");
        var passages = Enumerable.Range(0, 240).Select(i => $"Report {i} on the {Topics[i % Topics.Length]} of district{i} and its council{i % 13}.").ToList();
        var asked = Enumerable.Range(0, 12).Select(i => ($"What happened to the {Topics[i % Topics.Length]} of district{i * 17}?", i * 17)).ToList();
        await BenchmarkFiles.WriteAsync(new BenchmarkCorpus(passages, asked), corpus, questions, CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Retrieval:VectorExactBelow"] = "50" }).Build();
        var index = temp.File("index");

        var built = await HybridBenchmark.RunAsync(configuration, corpus, questions, index, 32, reuseIndex: true, mergeTo: 0, CancellationToken.None);
        var kept = await HybridBenchmark.RunAsync(configuration, corpus, questions, index, 32, reuseIndex: true, mergeTo: 0, CancellationToken.None);

        Assert.Equal(240, built.Passages);
        Assert.NotNull(built.IndexSeconds);
        Assert.True(built.Hybrid.RecallAt1 > 0.5, $"hybrid R@1 {built.Hybrid.RecallAt1}");
        Assert.True(built.QueryEmbedding.P50Ms > 0 && built.DenseLeg.P50Ms > 0);
        Assert.Equal(100, built.DenseDepth);
        Assert.InRange(built.DenseRecall, 0.9, 1.0);
        Assert.Null(kept.IndexSeconds);
        Assert.Equal(240, kept.Passages);
        Assert.True(kept.EmbeddingRequests < built.EmbeddingRequests, $"{kept.EmbeddingRequests} requests with the kept index, {built.EmbeddingRequests} building it");
    }
}
