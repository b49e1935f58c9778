using NewsQA.Core.Indexing;

namespace NewsQA.Bot.Hosting;

/// <summary>
/// The index the service answers from; set once the start-up indexing has finished, then refreshed to newer commits
/// without a restart (the corpus watcher's writer makes them). A replaced index stays open for <see cref="LiveIndex.RetireAfter"/>, so requests
/// still reading it finish on it.
/// </summary>
public sealed class IndexHolder(TimeProvider clock) : IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<(LiveIndex Live, DateTimeOffset Retired)> _retired = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile LiveIndex? _live;

    public PassageIndex? Current => _live?.Current;

    /// <summary>The live index itself, for the one writer that keeps it up to date.</summary>
    public LiveIndex? Live => _live;

    public bool Ready => _live is not null;

    /// <summary>Completes once the start-up indexing has set the index.</summary>
    public Task WhenReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    /// <summary>Answers from <paramref name="live"/> from now on.</summary>
    public void Set(LiveIndex live)
    {
        lock (_gate)
        {
            while (_retired.TryPeek(out var oldest) && clock.GetUtcNow() - oldest.Retired >= LiveIndex.RetireAfter) _retired.Dequeue().Live.Dispose();
            if (_live is { } previous && !ReferenceEquals(previous, live)) _retired.Enqueue((previous, clock.GetUtcNow()));
            _live = live;
        }

        _ready.TrySetResult();
    }

    /// <summary>Opens the index folder's latest commit, if newer; true when the service now answers from it.</summary>
    public bool Refresh() => _live?.Refresh() ?? false;

    public void Dispose()
    {
        lock (_gate)
        {
            while (_retired.TryDequeue(out var old)) old.Live.Dispose();
            _live?.Dispose();
        }
    }
}
