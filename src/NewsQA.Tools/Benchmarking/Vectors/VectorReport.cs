using System.Globalization;
using System.Text;

namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>The vector engines' results as the Markdown table BENCHMARKS.md keeps.</summary>
public static class VectorReport
{
    public static string Markdown(IEnumerable<VectorResult> results)
    {
        var b = new StringBuilder();
        b.AppendLine("| Engine | Vectors | Dims | Build s | Vectors/s | Disk MB | Peak RSS MB | p50 ms | p95 ms | p99 ms | Recall@10 | Load (1/5/15 min) start → end |");
        b.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            b.AppendLine(r.Finished
                ? string.Create(CultureInfo.InvariantCulture, $"| {r.Engine} | {r.Vectors:N0} | {r.Dimensions} | {r.BuildSeconds:0.0} | {r.VectorsPerSecond:N0} | {r.IndexBytes / 1e6:0.0} | {r.PeakRssBytes / 1e6:N0} | {r.P50Ms:0.00} | {r.P95Ms:0.00} | {r.P99Ms:0.00} | {r.RecallAt10:0.000} | {r.LoadAtStart} → {r.LoadAtEnd} |")
                : string.Create(CultureInfo.InvariantCulture, $"| {r.Engine} | {r.Vectors:N0} | {r.Dimensions} | stopped unfinished after {r.BuildSeconds / 60:0.0} min{(r.Reached.Length > 0 ? $" (reached: {r.Reached})" : "")} | — | — | — | — | — | — | — | {r.LoadAtStart} → {r.LoadAtEnd} |"));
        }

        return b.ToString();
    }
}
