namespace NewsQA.Core.Providers;

/// <summary>
/// The one deadline of an answer's model calls: AI:TimeoutSeconds from the start of the answer. Every prompt the answer
/// makes runs under <see cref="Token"/>, cancelled at the deadline or when the caller goes away, so a model that stalls
/// or trickles holds an answer no longer than the budget in all, however many prompts it takes. A prompt is not started
/// when less than <see cref="MinShareToStart"/> of the budget is left: it could not finish, and would only be cut off.
/// </summary>
public sealed class ModelDeadline : IDisposable
{
    /// <summary>
    /// The share of the budget a prompt needs left to be started. Set a priori: a tenth (6 s of the default 60) is
    /// short for a model's reply, so a prompt that would start later is hopeless anyway.
    /// </summary>
    public const double MinShareToStart = 0.1;

    private readonly CancellationTokenSource _expiry;
    private readonly CancellationTokenSource _linked;
    private readonly TimeProvider _clock;
    private readonly long _started;
    private readonly TimeSpan _budget;

    public ModelDeadline(TimeSpan budget, TimeProvider clock, CancellationToken caller)
    {
        _budget = budget;
        _clock = clock;
        _started = clock.GetTimestamp();
        _expiry = new CancellationTokenSource(budget, clock);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _expiry.Token);
    }

    /// <summary>Cancelled at the deadline, or when the caller's token is.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>Whether a new prompt should not be started: the deadline passed, or too little of the budget is left.</summary>
    public bool TooLateToStart => _linked.IsCancellationRequested || _clock.GetElapsedTime(_started) > _budget * (1 - MinShareToStart);

    public void Dispose()
    {
        _linked.Dispose();
        _expiry.Dispose();
    }
}
