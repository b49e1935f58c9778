namespace NewsQA.Tools.Benchmarking.Soak;

/// <summary>
/// One sampling interval of a soak, ending <see cref="EndSeconds"/> after the load started: the questions answered in it
/// and the errors, the latency of those finished in it, the service's resident memory at its end, what its index held
/// then (-1 when /healthz did not answer), the articles dropped in so far, and the machine's 1-minute load average.
/// </summary>
public sealed record SoakInterval(
    double EndSeconds,
    double Seconds,
    int Answers,
    int Errors,
    double AnswersPerSecond,
    double P50Ms,
    double P99Ms,
    long ResidentBytes,
    int Documents,
    int Passages,
    int ArticlesArrived,
    string LoadAverage);
