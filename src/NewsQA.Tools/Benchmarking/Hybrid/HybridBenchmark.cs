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
/// not among the recent questions), one thread, after an untimed pass of each. Then the hybrid question's two added
/// costs are timed apart (the question's embedding, asked of the server; the dense leg's search with that embedding, at
/// the retriever's depth), with the dense leg's recall against an exact scan at the same depth.
/// </summary>
public static class HybridBenchmark
{
    private const int Depth = 10;

    public static async Task<HybridResult> RunAsync(
        IConfiguration configuration, string corpusPath, string questionsPath, string indexFolder, int dimensions, bool reuseIndex, int mergeTo, CancellationToken cancellationToken)
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
        var queries = services.GetRequiredService<QueryBuilder>();
        var retrieval = services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
        var vectors = retrieval.VectorIndex;

        // A kept index (--keep-index) was built from the same generated corpus by an earlier run: its indexing is not timed again.
        var reused = reuseIndex && Directory.Exists(Path.Combine(indexFolder, "vectors"));
        if (!reused && Directory.Exists(indexFolder)) Directory.Delete(indexFolder, recursive: true);
        var timer = Stopwatch.StartNew();
        var folder = IndexFolder.Open(indexFolder);
        int passages;
        if (reused)
        {
            using var kept = folder.OpenSnapshot();
            passages = kept.Count;
        }
        else
        {
            passages = await BuildAsync(folder, encoder, BenchmarkFiles.ReadPassages(corpusPath), cancellationToken);
        }

        double? indexSeconds = reused ? null : timer.Elapsed.TotalSeconds;

        // --segments: the index merged down (as Lucene's merges do over time, or a compaction would) before its graphs
        // are built, to see what the number of per-segment graphs a question searches costs.
        if (mergeTo > 0)
        {
            using var writer = PassageIndexWriter.Open(folder.Directory, IndexSettingsOf(encoder), create: false);
            writer.ForceMerge(mergeTo);
            writer.Commit();
        }

        timer.Restart();
        using var live = new LiveIndex(folder, folder.OpenSnapshot(), vectors);
        int segments;
        using (var lease = live.Acquire())
        {
            await VectorSearcher.WhenGraphsBuiltAsync(lease.Index, vectors);
            segments = lease.Index.SegmentCount;
        }

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

        var embedding = new List<double>(questions.Count);
        var dense = new List<double>(questions.Count);
        long agreed = 0, expected = 0;
        using (var lease = live.Acquire())
        {
            foreach (var (question, _) in questions)
            {
                var query = await queries.BuildAsync(lease.Index, question, cancellationToken);
                var started = Stopwatch.GetTimestamp();
                var vector = await encoder.TryEmbedQueryAsync(query.VectorText, cancellationToken);
                embedding.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (vector is null) continue;
                started = Stopwatch.GetTimestamp();
                var found = VectorSearcher.Search(lease.Index, vector, retrieval.CandidateDepth, query.Filter, vectors);
                dense.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                var exact = VectorSearcher.Search(lease.Index, vector, retrieval.CandidateDepth, query.Filter, vectors with { ExactBelow = int.MaxValue });
                agreed += exact.Select(e => e.PassageNumber).Intersect(found.Select(f => f.PassageNumber)).Count();
                expected += exact.Count;
            }
        }

        return new HybridResult(passages, dimensions, segments, indexSeconds, graphSeconds, server.Requests, keyword, hybrid,
            HybridResult.Stage.Of(embedding), HybridResult.Stage.Of(dense), retrieval.CandidateDepth, expected == 0 ? 0 : agreed / (double)expected,
            BenchmarkFiles.PeakRssBytes(), loadAtStart, MachineLoad.Averages());
    }

    // Passages as articles of their own (as `newsqa bench` indexes them), embedded in groups that fill every request
    // the encoder keeps in flight; the writer is closed, and its merges committed, before the clock stops.
    private static async Task<int> BuildAsync(IndexFolder folder, PassageEncoder encoder, IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        var settings = IndexSettingsOf(encoder);
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

    private static IndexSettings IndexSettingsOf(PassageEncoder encoder) => new(Core.Text.TextAnalyzer.Version, encoder.EmbedderId, encoder.Dimensions ?? 0, int.MaxValue);

    private static Passage Passage(int i, string text) => new($"c{i}", $"c{i}", $"context {i}", 1, 1, null, text, SentenceSplitter.Split(text));
}
