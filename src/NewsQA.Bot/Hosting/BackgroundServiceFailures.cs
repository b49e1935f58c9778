namespace NewsQA.Bot.Hosting;

/// <summary>
/// Turns a background service that ended in an exception into a failed exit. The host stops when one does
/// (BackgroundServiceExceptionBehavior.StopHost), but logs it under a category this service silences and exits 0,
/// as if asked to stop; this logs the service and its exception as critical once the host has stopped, and
/// <see cref="ExitCode"/> is what the program returns.
/// </summary>
public sealed partial class BackgroundServiceFailures(IServiceProvider services, ILogger<BackgroundServiceFailures> logger) : IHostedLifecycleService
{
    private IReadOnlyList<BackgroundService> _watched = [];

    /// <summary>1 when a background service failed, else 0.</summary>
    public int ExitCode { get; private set; }

    // Once every hosted service exists (asking for them while they are being made would be a cycle), and before a host
    // being disposed can no longer give them.
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _watched = [.. services.GetServices<IHostedService>().OfType<BackgroundService>()];
        return Task.CompletedTask;
    }

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        foreach (var service in _watched)
        {
            if (service.ExecuteTask is not { IsFaulted: true } task) continue;
            LogFailed(logger, task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception, service.GetType().Name);
            ExitCode = 1;
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Critical, Message = "The background service {Service} failed, and the service stopped with it; exiting with code 1")]
    private static partial void LogFailed(ILogger logger, Exception exception, string service);
}
