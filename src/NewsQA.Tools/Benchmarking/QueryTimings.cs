using System.Diagnostics;

namespace NewsQA.Tools.Benchmarking;

/// <summary>
/// Runs the questions through one engine's search the same way for every .NET engine: one untimed pass (JIT, lazy
/// structures), one timed pass on one thread (latency, R@1, MRR@10), and a pass on two threads (throughput).
/// </summary>
public static class QueryTimings
{
    public sealed record Result(double P50Ms, double P95Ms, double P99Ms, double QueriesPerSecond, double QueriesPerSecondTwoThreads, double RecallAt1, double MrrAt10);

    /// <param name="questions">Each question and its gold passage number.</param>
    /// <param name="search">The ranked passage numbers (best first, up to 10) for a question.</param>
    public static Result Run(IReadOnlyList<(string Question, int Gold)> questions, Func<string, IReadOnlyList<int>> search)
    {
        foreach (var (question, _) in questions) search(question);
        var latencies = new List<double>(questions.Count);
        int hits1 = 0;
        double reciprocal = 0;
        var single = Stopwatch.StartNew();
        foreach (var (question, gold) in questions)
        {
            var started = Stopwatch.GetTimestamp();
            var ranked = search(question);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var rank = IndexOf(ranked, gold) + 1;
            if (rank == 1) hits1++;
            if (rank > 0) reciprocal += 1.0 / rank;
        }

        var singleSeconds = single.Elapsed.TotalSeconds;
        var next = -1;
        var two = Stopwatch.StartNew();
        Parallel.For(0, 2, _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < questions.Count) search(questions[n].Question);
        });
        double count = questions.Count;
        return new Result(Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95), Percentiles.Of(latencies, 99),
            count / singleSeconds, count / two.Elapsed.TotalSeconds, hits1 / count, reciprocal / count);
    }

    private static int IndexOf(IReadOnlyList<int> ranked, int gold)
    {
        for (var i = 0; i < ranked.Count; i++)
        {
            if (ranked[i] == gold) return i;
        }

        return -1;
    }
}
