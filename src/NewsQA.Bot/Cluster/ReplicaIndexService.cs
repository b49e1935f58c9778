using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;
using NewsQA.Core.Cluster;
using NewsQA.Core.Configuration;
using NewsQA.Core.Indexing;

namespace NewsQA.Bot.Cluster;

/// <summary>
/// A replica's index: pulls the indexer's revisions into Index:Path (<see cref="IndexReplica"/>) when nudged and every
/// Cluster:PollSeconds, and hands the first one to the <see cref="IndexHolder"/>, from which moment the replica is
/// ready (/healthz 200). A pull that fails (the indexer away, a copy cut short) is logged once per outage; the replica
/// keeps answering from the revision it has.
/// </summary>
public sealed partial class ReplicaIndexService(
    IndexHolder holder,
    RevisionNudges nudges,
    IOptions<ClusterOptions> cluster,
    IOptions<IndexOptions> index,
    IOptions<RetrievalOptions> retrieval,
    PassageEncoder encoder,
    TimeProvider time,
    ILoggerFactory loggers,
    ILogger<ReplicaIndexService> logger) : BackgroundService
{
    private readonly Channel<bool> _nudged = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = cluster.Value;
        if (settings.Role != ClusterRole.Replica) return;
        // With embeddings, a new segment's graph is fetched from the indexer, which has built the same file, before it is built here.
        using var graphs = encoder.Embeds ? new IndexerGraphs(new Uri(settings.IndexerUrl!), settings.Secret!, logger: loggers.CreateLogger<IndexerGraphs>()) : null;
        using var replica = new IndexReplica(
            Path.GetFullPath(index.Value.Path), new Uri(settings.IndexerUrl!), settings.Secret!, encoder.Embeds ? retrieval.Value.VectorIndex : null, graphs);
        try
        {
            await nudges.SubscribeAsync(_ => _nudged.Writer.TryWrite(true));
        }
        catch (StackExchange.Redis.RedisException e)
        {
            LogNoNudges(logger, e.Message, settings.PollSeconds); // the poll still finds every revision
        }

        var failing = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var updated = await Task.Run(replica.Update, stoppingToken);
                    if (failing) LogRecovered(logger);
                    failing = false;
                    if (holder.Live is null && replica.Live is { } live)
                    {
                        holder.Set(live);
                        LogReady(logger, Revision(live));
                    }
                    else if (updated)
                    {
                        LogUpdated(logger, Revision(replica.Live!));
                    }
                }
#pragma warning disable CA1031 // Whatever a pull throws (the indexer away, a copy cut short), the replica answers on and tries again.
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    if (!failing) LogPullFailed(logger, settings.IndexerUrl!, e.Message, settings.PollSeconds);
                    failing = true;
                }

                await WaitAsync(settings.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static string Revision(Core.Indexing.LiveIndex live)
    {
        using var lease = live.Acquire();
        return ClusterHealth.Revision(lease.Index);
    }

    // Until a nudge or the poll interval, whichever comes first.
    private async Task WaitAsync(TimeSpan poll, CancellationToken cancellationToken)
    {
        if (_nudged.Reader.TryRead(out _)) return;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(Task.Delay(poll, time, stop.Token), _nudged.Reader.WaitToReadAsync(stop.Token).AsTask());
        await stop.CancelAsync();
        _nudged.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replica ready: answering from the indexer's revision {Revision}")]
    private static partial void LogReady(ILogger logger, string revision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replica moved to revision {Revision}")]
    private static partial void LogUpdated(ILogger logger, string revision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pulling the index from {IndexerUrl} failed ({Reason}); answering from the revision held, trying again every {PollSeconds} s")]
    private static partial void LogPullFailed(ILogger logger, string indexerUrl, string reason, int pollSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revision nudges cannot be received ({Reason}); new revisions are found every {PollSeconds} s")]
    private static partial void LogNoNudges(ILogger logger, string reason, int pollSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pulling the index works again")]
    private static partial void LogRecovered(ILogger logger);
}
