namespace NewsQA.Tools.Benchmarking.Soak;

/// <summary>
/// One sampling interval of a soak, ending <see cref="EndSeconds"/> after the load started: the questions answered in it
/// and the errors, the latency of those finished in it, the service's resident memory at its end, and as its /healthz
/// told it then (-1 when it did not answer): its managed heap at its last collection, the bytes its conversation stores
/// hold, and what its index held; the articles dropped in so far, and the machine's 1-minute load average.
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
    long ManagedHeapBytes,
    long ConversationBytes,
    int Documents,
    int Passages,
    int ArticlesArrived,
    string LoadAverage);
