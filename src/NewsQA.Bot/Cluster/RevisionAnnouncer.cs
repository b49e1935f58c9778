using Microsoft.Extensions.Options;
using NewsQA.Core.Cluster;

namespace NewsQA.Bot.Cluster;

/// <summary>
/// On the indexer, tells the replicas of each revision as it is published (<see cref="RevisionNudges"/>), so they pull it
/// at once rather than at their next poll. A nudge that cannot be sent (Redis away) is logged; the poll still finds it.
/// </summary>
public sealed partial class RevisionAnnouncer(IndexPublisher publisher, RevisionNudges nudges, IOptions<ClusterOptions> cluster, ILogger<RevisionAnnouncer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (cluster.Value.Role != ClusterRole.Indexer) return;
        try
        {
            await foreach (var version in publisher.Versions.ReadAllAsync(stoppingToken))
            {
                LogPublished(logger, version);
                try
                {
                    await nudges.PublishAsync(version);
                }
                catch (StackExchange.Redis.RedisException e)
                {
                    LogNudgeFailed(logger, version, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Index revision {Version} published to the replicas")]
    private static partial void LogPublished(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The replicas could not be nudged about revision {Version} ({Reason}); they find it at their next poll")]
    private static partial void LogNudgeFailed(ILogger logger, string version, string reason);
}
