using System.Globalization;

namespace NewsQA.Tools.Benchmarking;

/// <summary>A `newsqa bench live` run as the Markdown table BENCHMARKS.md keeps.</summary>
public static class LiveIngestionReport
{
    public static string Markdown(LiveIngestionResult r)
    {
        var c = CultureInfo.InvariantCulture;
        string Row(string phase, LoadResult l, string took) => string.Create(c,
            $"| {phase} | {took} | {l.Requests:N0} | {l.PerSecond:N1} | {l.P50Ms:N1} | {l.P95Ms:N1} | {l.P99Ms:N1} | {l.Errors} | {(l.ServiceMemoryBytes is { } b ? (b / 1e6).ToString("N0", c) : "?")} |\n");
        return string.Create(c, $"One article dropped in, answerable after: {string.Join(", ", r.OneArticleSeconds.Select(s => s.ToString("0.00", c)))} s\n")
            + string.Create(c, $"Burst: {r.Articles:N0} articles, {r.PassagesAdded:N0} passages, onto {r.PassagesBefore:N0}; concurrency {r.Idle.Concurrency}; load average {r.LoadAverage}\n\n")
            + "| phase | took | answers | answers/s | p50 ms | p95 ms | p99 ms | errors | service memory MB |\n|---|---|---|---|---|---|---|---|---|\n"
            + Row(string.Create(c, $"nothing arriving, {r.PassagesBefore:N0} passages"), r.Idle, string.Create(c, $"{r.Idle.Seconds:0.0} s"))
            + Row(string.Create(c, $"{r.Articles:N0} articles arriving"), r.DuringIngestion, string.Create(c, $"{r.IngestionSeconds:0.0} s until all answerable"))
            + Row(string.Create(c, $"nothing arriving, {r.PassagesBefore + r.PassagesAdded:N0} passages"), r.AfterIngestion, string.Create(c, $"{r.AfterIngestion.Seconds:0.0} s"))
            + Row(string.Create(c, $"{r.Articles:N0} articles changed"), r.DuringChange, string.Create(c, $"{r.ChangeSeconds:0.0} s until all are re-indexed"))
            + Row(string.Create(c, $"nothing arriving, {r.PassagesBefore + r.PassagesAdded + r.Articles:N0} passages"), r.AfterChange, string.Create(c, $"{r.AfterChange.Seconds:0.0} s"))
            + Row(string.Create(c, $"{r.Articles:N0} articles removed"), r.DuringRemoval, string.Create(c, $"{r.RemovalSeconds:0.0} s until all are out of the index"));
    }
}
