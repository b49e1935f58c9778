using System.Collections.Concurrent;
using System.Diagnostics;
using NewsQA.Tools.Evaluation;
using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;

namespace NewsQA.Tools.Benchmarking;

/// <summary>Measures NewsQA on a generated corpus: build, on-disk size, memory, latency (one and two threads), quality.</summary>
public sealed class NewsQABenchmark(RetrievalEvaluator evaluator, PassageEncoder encoder, HybridRetriever retriever, IIndexStore store)
{
    private const int Depth = 10;
    private const int WarmUpPassages = 1000;

    public async Task<EngineResult> RunAsync(BenchmarkCorpus corpus, string workFolder, CancellationToken cancellationToken)
    {
        var dataset = SquadDataset.FromPassages(corpus.Passages, corpus.Questions);
        // Warm-up, untimed: a small build first, so the timed one does not pay for JIT compilation (.NET compiles hot
        // code twice, quickly and then optimized); Xapian is native code and needs none.
        await evaluator.IndexContextsAsync(SquadDataset.FromPassages([.. corpus.Passages.Take(WarmUpPassages)], []), cancellationToken);

        // The build is timed with the index saved to disk, as Xapian's build commits its database to disk.
        var path = Path.Combine(workFolder, $"newsqa-{corpus.Passages.Count}.bin");
        var clock = Stopwatch.StartNew();
        PassageIndex index;
        using (var writer = store.OpenWriter(path, evaluator.Settings(encoder.Dimensions ?? 0), dataset.Contexts.Count))
        {
            index = await evaluator.IndexContextsAsync(dataset, cancellationToken, writer: writer);
            writer.Commit();
        }

        var build = clock.Elapsed.TotalSeconds;
        var bytes = new FileInfo(path).Length;
        File.Delete(path);

        // Warm-up: one untimed pass over the questions pays for JIT and for lazily built lookups (the Xapian script
        // makes the same pass).
        foreach (var (question, _) in corpus.Questions) await retriever.SearchAsync(index, question, Depth, cancellationToken: cancellationToken);

        var latencies = new List<double>(corpus.Questions.Count);
        int hits1 = 0;
        double reciprocal = 0;
        var single = Stopwatch.StartNew();
        foreach (var (question, gold) in corpus.Questions)
        {
            var started = Stopwatch.GetTimestamp();
            var hits = await retriever.SearchAsync(index, question, Depth, cancellationToken: cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var rank = hits.FirstOrDefault(h => h.Passage.Id == $"c{gold}")?.Rank ?? 0;
            if (rank == 1) hits1++;
            if (rank > 0) reciprocal += 1.0 / rank;
        }

        var singleSeconds = single.Elapsed.TotalSeconds;
        var twoThreads = await TwoThreadsAsync(index, corpus, cancellationToken);
        double n = corpus.Questions.Count;
        return new EngineResult("NewsQA", corpus.Passages.Count, build, corpus.Passages.Count / build, bytes,
            Process.GetCurrentProcess().PeakWorkingSet64, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95),
            Percentiles.Of(latencies, 99), n / singleSeconds, twoThreads, hits1 / n, reciprocal / n);
    }

    private async Task<double> TwoThreadsAsync(PassageIndex index, BenchmarkCorpus corpus, CancellationToken cancellationToken)
    {
        var queue = new ConcurrentQueue<string>(corpus.Questions.Select(q => q.Question));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var question)) await retriever.SearchAsync(index, question, Depth, cancellationToken: cancellationToken);
        }, cancellationToken)));
        return corpus.Questions.Count / clock.Elapsed.TotalSeconds;
    }
}
