using NewsQA.Core.Indexing;

namespace NewsQA.Bot.Hosting;

/// <summary>
/// Where the service's index is, once the start-up indexing has made it: before that there is none, and requests are
/// told to come back. After that every request or turn takes a lease on the current snapshot from the one owner
/// (<see cref="LiveIndex"/>) for as long as it reads, and the corpus watcher's commits refresh it without a restart.
/// </summary>
public sealed class IndexHolder : IDisposable
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LiveIndex? _live;

    /// <summary>The live index itself, for the one writer that keeps it up to date; null until it is set.</summary>
    public LiveIndex? Live => Volatile.Read(ref _live);

    /// <summary>Completes once the start-up indexing has set the index.</summary>
    public Task WhenReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    /// <summary>A lease on the current snapshot for one request or turn, or null while the start-up indexing runs.</summary>
    public IndexLease? TryAcquire() => Live?.Acquire();

    /// <summary>Answers from <paramref name="live"/> from now on (once: it owns the folder and is refreshed in place).</summary>
    public void Set(LiveIndex live)
    {
        if (Interlocked.CompareExchange(ref _live, live, null) is not null) throw new InvalidOperationException("The index is set once, at start-up.");
        _ready.TrySetResult();
    }

    public void Dispose() => Live?.Dispose();
}
