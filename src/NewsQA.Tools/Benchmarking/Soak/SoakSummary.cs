namespace NewsQA.Tools.Benchmarking.Soak;

/// <summary>
/// A soak's verdict against the targets: resident memory at the end at most 1 GB and flat (every sample within
/// 10% of their mean) over the last two thirds of the run (20 of 30 minutes); answers per second over the last sixth of
/// the run (5 of 30 minutes) at least 80% of those over the first sixth; no errors. A shorter run scales the windows.
/// </summary>
public sealed record SoakSummary(
    long ResidentAtEndBytes,
    long FlatWindowMinBytes,
    long FlatWindowMaxBytes,
    double FlatWindowDeviation,
    double FirstAnswersPerSecond,
    double LastAnswersPerSecond,
    int Answers,
    int Errors)
{
    public const long MaxResidentBytes = 1_000_000_000;
    public const double MaxDeviation = 0.10;
    public const double MinThroughputRatio = 0.8;

    public double ThroughputRatio => FirstAnswersPerSecond > 0 ? LastAnswersPerSecond / FirstAnswersPerSecond : 0;

    public bool ResidentMet => ResidentAtEndBytes <= MaxResidentBytes;

    public bool FlatMet => FlatWindowDeviation <= MaxDeviation;

    public bool ThroughputMet => ThroughputRatio >= MinThroughputRatio;

    public bool ErrorsMet => Errors == 0;

    public static SoakSummary Of(IReadOnlyList<SoakInterval> intervals)
    {
        if (intervals.Count == 0) return new(0, 0, 0, 0, 0, 0, 0, 0);
        var flat = intervals.Skip(intervals.Count - Math.Max(1, (int)Math.Round(intervals.Count * 2 / 3.0))).Select(i => (double)i.ResidentBytes).ToList();
        var mean = flat.Average();
        var sixth = Math.Max(1, (int)Math.Round(intervals.Count / 6.0));
        return new SoakSummary(
            intervals[^1].ResidentBytes,
            (long)flat.Min(),
            (long)flat.Max(),
            mean > 0 ? flat.Max(r => Math.Abs(r - mean)) / mean : 0,
            PerSecond(intervals.Take(sixth)),
            PerSecond(intervals.Skip(intervals.Count - sixth)),
            intervals.Sum(i => i.Answers),
            intervals.Sum(i => i.Errors));
    }

    private static double PerSecond(IEnumerable<SoakInterval> window)
    {
        var list = window.ToList();
        var seconds = list.Sum(i => i.Seconds);
        return seconds > 0 ? list.Sum(i => i.Answers) / seconds : 0;
    }
}
