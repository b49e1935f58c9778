namespace NewsQA.Tools.Benchmarking.Hybrid;

/// <summary>
/// `newsqa bench hybrid`'s numbers: the same index and questions answered by the keyword leg alone and by the hybrid
/// retrieval with a provider's vectors (from <see cref="LoopbackEmbeddingServer"/>), each timed on one thread, with the
/// machine's load averages (1, 5, 15 minutes) at the start and end: the machine is shared.
/// </summary>
public sealed record HybridResult(
    int Passages,
    int Dimensions,
    double IndexSeconds,
    double GraphSeconds,
    long EmbeddingRequests,
    QueryTimings.Result Keyword,
    QueryTimings.Result Hybrid,
    long PeakRssBytes,
    string LoadAtStart,
    string LoadAtEnd)
{
    /// <summary>The hybrid question's p50 over the keyword-only p50 (issue 22's target: at most 1.5).</summary>
    public double P50Ratio => Hybrid.P50Ms / Keyword.P50Ms;
}
