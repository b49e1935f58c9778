namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>
/// One vector engine's numbers at one size. <see cref="Finished"/> is false when the run was stopped at the time limit
/// (then only <see cref="BuildSeconds"/>, the time it ran, is meaningful, and <see cref="Reached"/> the last progress
/// the engine reported). The load averages are the machine's
/// 1, 5 and 15 minute load averages when the engine's process started and ended: the machine is shared.
/// </summary>
public sealed record VectorResult(
    string Engine,
    int Vectors,
    int Dimensions,
    bool Finished,
    double BuildSeconds,
    double VectorsPerSecond,
    long IndexBytes,
    long PeakRssBytes,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double RecallAt10,
    string LoadAtStart = "",
    string LoadAtEnd = "",
    string Reached = "");
