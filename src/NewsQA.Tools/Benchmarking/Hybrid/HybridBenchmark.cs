using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsQA.Core;
using NewsQA.Core.Configuration;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Retrieval;

namespace NewsQA.Tools.Benchmarking.Hybrid;

/// <summary>
/// The product's hybrid question with a provider's embeddings against its keyword leg alone, on the benchmark's
/// generated corpus: the passages are embedded through the product's OpenAI-compatible provider against a
/// deterministic embedding server on loopback (<see cref="LoopbackEmbeddingServer"/>), in the product's batches, and
/// indexed; the served snapshot's vector index is warmed and its graphs built as a service's would be; then every
/// question is asked in keyword mode and in the default hybrid mode (its embedding asked of the server each time it is
/// not among the recent questions), one thread, after an untimed pass of each.
/// </summary>
public static class HybridBenchmark
{
    private const int Depth = 10;

    public static async Task<HybridResult> RunAsync(
        IConfiguration configuration, string corpusPath, string questionsPath, string indexFolder, int dimensions, CancellationToken cancellationToken)
    {
        var loadAtStart = MachineLoad.Averages();
        await using var server = LoopbackEmbeddingServer.Start(dimensions);
        var settings = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AI:Provider"] = "OpenAICompatible",
            ["AI:Endpoint"] = server.Endpoint.ToString(),
            ["AI:ChatModel"] = "unused",
            ["AI:EmbeddingModel"] = "loopback-hashing",
            ["AI:ApiKey"] = "loopback",
            ["AI:EmbeddingDimensions"] = dimensions.ToString(CultureInfo.InvariantCulture),
        }).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(settings).AddLogging().AddNewsQA(settings).BuildServiceProvider();
        var encoder = services.GetRequiredService<PassageEncoder>();
        var retriever = services.GetRequiredService<HybridRetriever>();
        var vectors = services.GetRequiredService<IOptions<RetrievalOptions>>().Value.VectorIndex;

        if (Directory.Exists(indexFolder)) Directory.Delete(indexFolder, recursive: true);
        var timer = Stopwatch.StartNew();
        var folder = IndexFolder.Open(indexFolder);
        var passages = await BuildAsync(folder, encoder, BenchmarkFiles.ReadPassages(corpusPath), cancellationToken);
        var indexSeconds = timer.Elapsed.TotalSeconds;

        timer.Restart();
        using var live = new LiveIndex(folder, folder.OpenSnapshot(), vectors);
        using (var lease = live.Acquire()) await VectorSearcher.WhenGraphsBuiltAsync(lease.Index, vectors);
        var graphSeconds = timer.Elapsed.TotalSeconds;

        var questions = BenchmarkFiles.ReadQuestions(questionsPath);
        QueryTimings.Result Time(RetrievalMode mode) => QueryTimings.Run(questions, question =>
        {
            using var lease = live.Acquire();
            var hits = retriever.SearchAsync(lease.Index, question, Depth, mode, cancellationToken).GetAwaiter().GetResult();
            return [.. hits.Select(h => int.Parse(h.Passage.Id.AsSpan(1), CultureInfo.InvariantCulture))];
        });
        var keyword = Time(RetrievalMode.Keyword);
        var hybrid = Time(RetrievalMode.Hybrid);
        return new HybridResult(passages, dimensions, indexSeconds, graphSeconds, server.Requests, keyword, hybrid,
            BenchmarkFiles.PeakRssBytes(), loadAtStart, MachineLoad.Averages());
    }

    // Passages as articles of their own (as `newsqa bench` indexes them), embedded in groups that fill every request
    // the encoder keeps in flight; the writer is closed, and its merges committed, before the clock stops.
    private static async Task<int> BuildAsync(IndexFolder folder, PassageEncoder encoder, IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        var settings = new IndexSettings(Core.Text.TextAnalyzer.Version, encoder.EmbedderId, encoder.Dimensions ?? 0, int.MaxValue);
        var count = 0;
        using (var writer = PassageIndexWriter.Open(folder.Directory, settings, create: true))
        {
            foreach (var group in texts.Chunk(encoder.Settings.BatchSize * encoder.Settings.Concurrency))
            {
                var passages = group.Select((text, i) => Passage(count + i, text)).ToList();
                var encoded = await encoder.EncodeAsync(passages, cancellationToken);
                foreach (var passage in encoded)
                {
                    writer.Add(new IndexedDocument(passage.Passage.DocumentId, string.Empty, passage.Passage.Title, null, string.Empty, [passage]));
                }

                count += group.Length;
            }

            writer.Commit();
        }

        return count;
    }

    private static Passage Passage(int i, string text) => new($"c{i}", $"c{i}", $"context {i}", 1, 1, null, text, SentenceSplitter.Split(text));
}
