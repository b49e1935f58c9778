using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Store;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Retrieval;

namespace NewsQA.Tools.Benchmarking;

/// <summary>
/// NewsQA's side of the benchmark, run in a process of its own: build the index on disk from the corpus file (two
/// threads), then latency and quality of the default hybrid retrieval, then one new article added to the running index.
/// </summary>
public sealed class NewsQABenchmark(PassageEncoder encoder, HybridRetriever retriever)
{
    private const int Depth = 10;
    private const int WarmUpPassages = 1000;
    private const string UpdateMarker = "zqxupdatemarker";

    public async Task<EngineResult> RunAsync(string corpusPath, string questionsPath, string indexFolder, CancellationToken cancellationToken)
    {
        var questions = BenchmarkFiles.ReadQuestions(questionsPath);
        var settings = new IndexSettings(Core.Text.TextAnalyzer.Version, encoder.EmbedderId, encoder.Dimensions ?? 0, int.MaxValue);

        // Warm-up, untimed, in memory: the timed build should not pay for JIT compilation (.NET compiles hot code twice,
        // quickly and then optimized); Xapian is native code and needs none.
        using (var warm = new RAMDirectory())
        {
            await BuildAsync(warm, settings, BenchmarkFiles.ReadPassages(corpusPath).Take(WarmUpPassages), cancellationToken);
        }

        if (System.IO.Directory.Exists(indexFolder)) System.IO.Directory.Delete(indexFolder, recursive: true);
        var timer = Stopwatch.StartNew();
        var folder = IndexFolder.Open(indexFolder);
        var passages = await BuildAsync(folder.Directory, settings, BenchmarkFiles.ReadPassages(corpusPath), cancellationToken);
        var build = timer.Elapsed.TotalSeconds;
        var bytes = folder.Bytes();

        using var live = new LiveIndex(folder, folder.OpenSnapshot());
        var timings = QueryTimings.Run(questions, question =>
        {
            using var lease = live.Acquire();
            var hits = retriever.SearchAsync(lease.Index, question, Depth, cancellationToken: cancellationToken).GetAwaiter().GetResult();
            return [.. hits.Select(h => int.Parse(h.Passage.Id.AsSpan(1), CultureInfo.InvariantCulture))];
        });
        var (updateMs, updateBytes) = await UpdateAsync(folder, live, settings, cancellationToken);
        return new EngineResult("NewsQA", passages, build, passages / build, bytes, BenchmarkFiles.PeakRssBytes(),
            timings.P50Ms, timings.P95Ms, timings.P99Ms, timings.QueriesPerSecond, timings.QueriesPerSecondTwoThreads,
            timings.RecallAt1, timings.MrrAt10, updateMs, updateBytes);
    }

    // Each passage is an article of its own (as in `newsqa eval`), added from two threads; the writer is closed, and
    // its merges finished, before the clock stops.
    private async Task<int> BuildAsync(Lucene.Net.Store.Directory directory, IndexSettings settings, IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        var count = 0;
        using (var writer = PassageIndexWriter.Open(directory, settings, create: true))
        {
            await Parallel.ForEachAsync(texts.Select((text, i) => (text, i)), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, async (item, ct) =>
            {
                var indexed = await encoder.EncodeAsync([Passage(item.i, item.text)], ct);
                writer.Add(new IndexedDocument($"c{item.i}", string.Empty, $"context {item.i}", null, string.Empty, indexed));
                Interlocked.Increment(ref count);
            });
            writer.Commit();
        }

        return count;
    }

    private static Passage Passage(int i, string text) => new($"c{i}", $"c{i}", $"context {i}", 1, 1, null, text, SentenceSplitter.Split(text));

    // One new article of twelve paragraphs into the running index, as a live news feed would add it: the writer is
    // already open (a service keeps it open); timed from adding to a search on the refreshed reader that finds it.
    private async Task<(double Ms, long Bytes)> UpdateAsync(IndexFolder folder, LiveIndex live, IndexSettings settings, CancellationToken cancellationToken)
    {
        var before = folder.Files();
        using var writer = PassageIndexWriter.Open(folder.Directory, settings, create: false);
        var texts = Enumerable.Range(0, 12).Select(i => $"{UpdateMarker} فقرة جديدة رقم {i} من مقال أضيف إلى الفهرس وهو يعمل، عن التحالف الدولي في العراق وانسحاب القوات.").ToList();
        var passages = texts.Select((t, i) => new Passage($"update:{i}", "update", "update", i + 1, 1, null, t, SentenceSplitter.Split(t))).ToList();
        var timer = Stopwatch.StartNew();
        writer.Add(new IndexedDocument("update", "update", "update", null, string.Empty, await encoder.EncodeAsync(passages, cancellationToken)));
        writer.Commit();
        live.Refresh();
        using var lease = live.Acquire();
        var found = await retriever.SearchAsync(lease.Index, UpdateMarker, 1, RetrievalMode.Keyword, cancellationToken);
        var ms = timer.Elapsed.TotalMilliseconds;
        if (found.Count == 0 || found[0].Passage.DocumentId != "update") throw new InvalidOperationException("The new article was not found after the refresh.");
        var written = folder.BytesWrittenSince(before);
        return (ms, written);
    }
}
