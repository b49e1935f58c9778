namespace NewsQA.Core.Fetching;

/// <summary>
/// Ingestion:FetchTimeout over one fetch and the parsing of what it fetched, on the service's clock: a page that
/// arrives in time but takes long to parse is abandoned as surely as one that arrives late. <see cref="Expired"/>
/// tells the budget running out from the caller's own cancellation (the service stopping).
/// </summary>
public sealed class FetchBudget : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;
    private readonly CancellationToken _outer;

    public FetchBudget(TimeSpan limit, TimeProvider time, CancellationToken cancellationToken)
    {
        Limit = limit;
        _outer = cancellationToken;
        _timeout = new CancellationTokenSource(limit, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
    }

    public TimeSpan Limit { get; }

    /// <summary>Cancelled when the budget runs out or the caller cancels.</summary>
    public CancellationToken Token => _linked.Token;

    public bool Expired => _timeout.IsCancellationRequested && !_outer.IsCancellationRequested;

    /// <summary>The reason to give for an expired budget.</summary>
    public string TimedOut => $"timed out after {Limit.TotalSeconds:0.#} s";

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
