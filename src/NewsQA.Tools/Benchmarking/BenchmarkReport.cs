using System.Globalization;
using System.Text;

namespace NewsQA.Tools.Benchmarking;

/// <summary>Benchmark results as a Markdown table (with NewsQA's ratios to each other engine) and as an SVG chart.</summary>
public static class BenchmarkReport
{
    public static string Markdown(IReadOnlyList<EngineResult> results)
    {
        var b = new StringBuilder();
        b.AppendLine("| engine | passages | build s | passages/s | index MB | peak RSS MB | p50 ms | p95 ms | p99 ms | q/s (1 thread) | q/s (2 threads) | R@1 | MRR@10 |");
        b.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"| {r.Engine} | {r.Passages:N0} | {r.BuildSeconds:0.0} | {r.PassagesPerSecond:N0} | {r.IndexBytes / 1e6:0.0} | {r.PeakRssBytes / 1e6:N0} | {r.P50Ms:0.00} | {r.P95Ms:0.00} | {r.P99Ms:0.00} | {r.QueriesPerSecond:N0} | {(r.QueriesPerSecondTwoThreads is { } two ? two.ToString("N0", CultureInfo.InvariantCulture) : "—")} | {r.RecallAt1:0.000} | {r.MrrAt10:0.000} |");
        }

        var pairs = results.Where(r => r.Engine != "NewsQA")
            .Select(other => (NewsQA: results.FirstOrDefault(r => r.Engine == "NewsQA" && r.Passages == other.Passages), Other: other))
            .Where(p => p.NewsQA is not null).ToList();
        if (pairs.Count == 0) return b.ToString();
        b.AppendLine().AppendLine("| passages | NewsQA against | p50 latency ratio | indexing speed ratio | index size ratio | R@1 difference |").AppendLine("|---|---|---|---|---|---|");
        foreach (var (n, x) in pairs)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"| {x.Passages:N0} | {x.Engine} | {n!.P50Ms / x.P50Ms:0.00} | {n.PassagesPerSecond / x.PassagesPerSecond:0.00} | {(double)n.IndexBytes / x.IndexBytes:0.00} | {n.RecallAt1 - x.RecallAt1:+0.000;-0.000} |");
        }

        var updates = results.Where(r => r.UpdateMs is not null).ToList();
        if (updates.Count == 0) return b.ToString();
        b.AppendLine().AppendLine("| passages | one new article: committed and found by the running reader | bytes written | share of the index |").AppendLine("|---|---|---|---|");
        foreach (var r in updates)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"| {r.Passages:N0} | {r.UpdateMs:N0} ms | {r.UpdateBytes:N0} | {100.0 * r.UpdateBytes / r.IndexBytes:0.000}% |");
        }

        return b.ToString();
    }

    /// <summary>Two panels against corpus size (log scale): p50 latency (log scale) and R@1, one line per engine.</summary>
    public static string Svg(IReadOnlyList<EngineResult> results)
    {
        const int width = 900, height = 360, panel = 400, top = 40, plot = 260, left = 60;
        var sizes = results.Select(r => (double)r.Passages).Distinct().Order().ToList();
        if (sizes.Count == 0) return "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        double minX = Math.Log10(sizes[0]), maxX = Math.Log10(sizes[^1]) + (sizes.Count == 1 ? 1 : 0);
        var latencies = results.Select(r => Math.Log10(Math.Max(r.P50Ms, 0.01))).ToList();
        double minL = Math.Floor(latencies.Min()), maxL = Math.Ceiling(latencies.Max() + 0.01);
        string X(double passages, int offset) => (offset + left + ((Math.Log10(passages) - minX) / (maxX - minX) * (panel - left - 20))).ToString("0.0", CultureInfo.InvariantCulture);
        string YLatency(double ms) => (top + plot - ((Math.Log10(Math.Max(ms, 0.01)) - minL) / (maxL - minL) * plot)).ToString("0.0", CultureInfo.InvariantCulture);
        string YRecall(double r) => (top + plot - (r * plot)).ToString("0.0", CultureInfo.InvariantCulture);
        var colors = new Dictionary<string, string> { ["NewsQA"] = "#153b50", ["Xapian"] = "#e07a1f", ["Lucene"] = "#4c9a2a" };
        var legend = 0;

        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.AppendLine("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        foreach (var (offset, title) in new[] { (0, "p50 latency, ms (log)"), (panel + 40, "R@1 (XQuAD Arabic among distractors)") })
        {
            svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{offset + left}\" y=\"24\" font-weight=\"bold\">{title}</text>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"<line x1=\"{offset + left}\" y1=\"{top + plot}\" x2=\"{offset + panel - 20}\" y2=\"{top + plot}\" stroke=\"#888\"/><line x1=\"{offset + left}\" y1=\"{top}\" x2=\"{offset + left}\" y2=\"{top + plot}\" stroke=\"#888\"/>");
            foreach (var size in sizes) svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{X(size, offset)}\" y=\"{top + plot + 16}\" text-anchor=\"middle\">{size:N0}</text>");
        }

        for (var e = minL; e <= maxL; e++) svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{YLatency(Math.Pow(10, e))}\" text-anchor=\"end\">{Math.Pow(10, e):0.##}</text>");
        foreach (var r in new[] { 0.0, 0.5, 1.0 }) svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{panel + 40 + left - 6}\" y=\"{YRecall(r)}\" text-anchor=\"end\">{r:0.0}</text>");

        foreach (var engine in results.GroupBy(r => r.Engine))
        {
            var color = colors.GetValueOrDefault(engine.Key, "#555");
            var points = engine.OrderBy(r => r.Passages).ToList();
            svg.AppendLine(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{string.Join(' ', points.Select(r => $"{X(r.Passages, 0)},{YLatency(r.P50Ms)}"))}\"/>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{string.Join(' ', points.Select(r => $"{X(r.Passages, panel + 40)},{YRecall(r.RecallAt1)}"))}\"/>");
            var legendX = left + (110 * legend++);
            svg.AppendLine(CultureInfo.InvariantCulture, $"<rect x=\"{legendX}\" y=\"{340 - 9}\" width=\"12\" height=\"4\" fill=\"{color}\"/><text x=\"{legendX + 18}\" y=\"{340 - 4}\">{engine.Key}</text>");
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }
}
