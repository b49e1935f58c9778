using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NewsQA.Core.Fetching;

namespace NewsQA.Bot.Feeds;

/// <summary>
/// Tells the fetcher the addresses this service listens on once the server has bound them (it starts before the
/// feeds are first polled), so that no feed, item or redirect makes the service fetch from itself, even on a host
/// Ingestion:AllowPrivateHosts opens.
/// </summary>
public sealed class OwnAddresses(IServer server, FetchAddressPolicy policy) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (server.Features.Get<IServerAddressesFeature>()?.Addresses is { Count: > 0 } addresses) policy.RefuseOwnAddresses(addresses);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
