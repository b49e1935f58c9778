using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NewsQA.Core.Fetching;

namespace NewsQA.Bot.Feeds;

/// <summary>
/// Tells the fetcher the addresses this service listens on, so that no feed, item or redirect makes the service
/// fetch from itself, even on a host Ingestion:AllowPrivateHosts opens. The server binds them as the last of the
/// hosted services starts, so they are read once all have started, before the service counts as started and the
/// feeds are first polled (<see cref="FeedPollingService"/> waits for that).
/// </summary>
public sealed class OwnAddresses(IServer server, FetchAddressPolicy policy) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (server.Features.Get<IServerAddressesFeature>()?.Addresses is { Count: > 0 } addresses) policy.RefuseOwnAddresses(addresses);
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
