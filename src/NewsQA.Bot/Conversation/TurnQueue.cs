using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;

namespace NewsQA.Bot.Conversation;

/// <summary>
/// The turns answered after their request was acknowledged (Teams, the web chat), run in the background by this hosted
/// service: at most Bot:MaxConcurrentTurns at once, at most Bot:MaxQueuedTurns waiting (a full queue refuses the
/// request, which the channel retries). A failed turn is logged, never the host's failure. Stopping cancels the turns
/// under way and waits for them to end. Tests wait for <see cref="WhenIdleAsync"/> instead of sleeping.
/// </summary>
public sealed partial class TurnQueue(IOptions<BotHostOptions> options, ILogger<TurnQueue> logger) : BackgroundService
{
    private readonly Channel<Func<CancellationToken, Task>> _turns =
        Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(options.Value.MaxQueuedTurns) { FullMode = BoundedChannelFullMode.Wait });

    private readonly Lock _gate = new();
    private int _pending;
    private TaskCompletionSource _idle = Completed();

    /// <summary>Queues a turn; false when the queue is full.</summary>
    public bool TryEnqueue(Func<CancellationToken, Task> turn)
    {
        lock (_gate)
        {
            if (_pending++ == 0) _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (_turns.Writer.TryWrite(turn)) return true;
        Done();
        return false;
    }

    /// <summary>Completes once every queued turn has run (at once when none is queued or running).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return _idle.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentTurns);
        try
        {
            await foreach (var turn in _turns.Reader.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                _ = RunAsync(turn, slots, stoppingToken); // counted in _pending; StopAsync waits for it
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: turns still queued are not started.
            while (_turns.Reader.TryRead(out _)) Done();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _turns.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        try
        {
            await WhenIdleAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown time is up.
        }
    }

    private async Task RunAsync(Func<CancellationToken, Task> turn, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await turn(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // A background turn that fails must not take the process down; a failed answer is already an apology.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e);
        }
        finally
        {
            slots.Release();
            Done();
        }
    }

    private void Done()
    {
        lock (_gate)
        {
            if (--_pending == 0) _idle.TrySetResult();
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn answered in the background failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
