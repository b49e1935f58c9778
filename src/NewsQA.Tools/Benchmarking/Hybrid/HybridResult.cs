namespace NewsQA.Tools.Benchmarking.Hybrid;

/// <summary>
/// `newsqa bench hybrid`'s numbers: the same index and questions answered by the keyword leg alone and by the hybrid
/// retrieval with a provider's vectors (from <see cref="LoopbackEmbeddingServer"/>), each timed on one thread; the
/// hybrid question's added costs timed apart (the question's embedding, the dense leg's search at
/// <see cref="DenseDepth"/>) with the dense leg's recall at that depth against an exact scan; the machine's load
/// averages (1, 5, 15 minutes) at the start and end: the machine is shared. <see cref="IndexSeconds"/> is null when
/// the run reused a kept index.
/// </summary>
public sealed record HybridResult(
    int Passages,
    int Dimensions,
    int Segments,
    double? IndexSeconds,
    double GraphSeconds,
    long EmbeddingRequests,
    QueryTimings.Result Keyword,
    QueryTimings.Result Hybrid,
    HybridResult.Stage QueryEmbedding,
    HybridResult.Stage DenseLeg,
    int DenseDepth,
    double DenseRecall,
    long PeakRssBytes,
    string LoadAtStart,
    string LoadAtEnd)
{
    /// <summary>The hybrid question's p50 over the keyword-only p50 (issue 22's target: at most 1.5).</summary>
    public double P50Ratio => Hybrid.P50Ms / Keyword.P50Ms;

    /// <summary>Latency percentiles of one part of the question, in milliseconds.</summary>
    public sealed record Stage(double P50Ms, double P95Ms, double P99Ms)
    {
        public static Stage Of(IReadOnlyList<double> milliseconds) => milliseconds.Count == 0
            ? new Stage(double.NaN, double.NaN, double.NaN)
            : new Stage(Percentiles.Of(milliseconds, 50), Percentiles.Of(milliseconds, 95), Percentiles.Of(milliseconds, 99));
    }
}
