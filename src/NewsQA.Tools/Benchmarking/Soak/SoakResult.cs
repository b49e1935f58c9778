namespace NewsQA.Tools.Benchmarking.Soak;

/// <summary>
/// One `newsqa bench soak` run: how it ran, where its articles came from, each interval, the verdict, and the machine's
/// load averages at the start and the end (other work on the machine slows the service, and the numbers say so).
/// </summary>
public sealed record SoakResult(
    SoakSettings Settings,
    string ArticleSource,
    IReadOnlyList<SoakInterval> Intervals,
    SoakSummary Summary,
    string LoadAtStart,
    string LoadAtEnd,
    string? Stopped);
