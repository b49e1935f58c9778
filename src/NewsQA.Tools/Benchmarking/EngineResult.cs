namespace NewsQA.Tools.Benchmarking;

/// <summary>One engine's numbers at one corpus size.</summary>
public sealed record EngineResult(
    string Engine,
    int Passages,
    double BuildSeconds,
    double PassagesPerSecond,
    long IndexBytes,
    long PeakRssBytes,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double QueriesPerSecond,
    double? QueriesPerSecondTwoThreads,
    double RecallAt1,
    double MrrAt10);
