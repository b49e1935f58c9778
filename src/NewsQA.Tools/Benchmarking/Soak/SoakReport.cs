using System.Globalization;

namespace NewsQA.Tools.Benchmarking.Soak;

/// <summary>A `newsqa bench soak` run as Markdown: the verdict against the targets, then every interval.</summary>
public static class SoakReport
{
    public static string Markdown(SoakResult r)
    {
        var c = CultureInfo.InvariantCulture;
        var s = r.Summary;
        var settings = r.Settings;
        string Verdict(bool met) => met ? "met" : "missed";
        var head = string.Create(c,
            $"Soak: {settings.Duration.TotalMinutes:0.#} min, {settings.RestClients} REST + {settings.DirectLineClients} Direct Line clients, an article of {settings.Paragraphs} paragraphs every {settings.ArrivalEvery.TotalSeconds:0.#} s ({r.ArticleSource}); load average {r.LoadAtStart} at the start, {r.LoadAtEnd} at the end{(r.Stopped is null ? string.Empty : $"; stopped early: {r.Stopped}")}\n\n")
            + "| target | measured | verdict |\n|---|---|---|\n"
            + string.Create(c, $"| resident memory at the end <= {SoakSummary.MaxResidentBytes / 1e6:N0} MB | {s.ResidentAtEndBytes / 1e6:N0} MB | {Verdict(s.ResidentMet)} |\n")
            + string.Create(c, $"| flat over the last two thirds (±{SoakSummary.MaxDeviation:P0} of the mean) | {s.FlatWindowMinBytes / 1e6:N0} to {s.FlatWindowMaxBytes / 1e6:N0} MB, ±{s.FlatWindowDeviation:P1} | {Verdict(s.FlatMet)} |\n")
            + string.Create(c, $"| answers/s in the last sixth >= {SoakSummary.MinThroughputRatio:P0} of the first | {s.LastAnswersPerSecond:N1} against {s.FirstAnswersPerSecond:N1} ({s.ThroughputRatio:P0}) | {Verdict(s.ThroughputMet)} |\n")
            + string.Create(c, $"| no errors | {s.Errors:N0} errors in {s.Answers + s.Errors:N0} questions | {Verdict(s.ErrorsMet)} |\n\n");
        var rows = "| elapsed | answers/s | p50 ms | p99 ms | errors | service RSS MB | managed heap MB | conversations MB | articles arrived | documents | passages | load |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n"
            + string.Concat(r.Intervals.Select(i => string.Create(c,
                $"| {TimeSpan.FromSeconds(Math.Round(i.EndSeconds)):h\\:mm\\:ss} | {i.AnswersPerSecond:N1} | {i.P50Ms:N1} | {i.P99Ms:N1} | {i.Errors} | {i.ResidentBytes / 1e6:N0} | {i.ManagedHeapBytes / 1e6:N0} | {i.ConversationBytes / 1e6:N0} | {i.ArticlesArrived:N0} | {i.Documents:N0} | {i.Passages:N0} | {i.LoadAverage} |\n")));
        return head + rows;
    }
}
