namespace NewsQA.Tools.Benchmarking;

/// <summary>
/// One engine's numbers at one corpus size. <see cref="UpdateMs"/> and <see cref="UpdateBytes"/> (NewsQA only): one
/// new article committed and found by a running reader, and the bytes that update wrote into the index folder.
/// </summary>
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
    double MrrAt10,
    double? UpdateMs = null,
    long? UpdateBytes = null);
