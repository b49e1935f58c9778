using System.Collections.Concurrent;

namespace NewsQA.Core.Fetching;

/// <summary>Lets one request at a time go to each host, so that a feed of fifty items never hits its site fifty times at once.</summary>
public sealed class HostGate
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for the host's turn; disposing the result lets the next request to that host go.</summary>
    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken cancellationToken)
    {
        var gate = _hosts.GetOrAdd(url.IdnHost, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
