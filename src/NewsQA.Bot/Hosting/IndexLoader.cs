using Microsoft.Extensions.Options;
using NewsQA.Bot.Watching;
using NewsQA.Core.Cluster;
using NewsQA.Core.Configuration;
using NewsQA.Core.Indexing;
using NewsQA.Core.Telemetry;

namespace NewsQA.Bot.Hosting;

/// <summary>
/// Indexes the configured corpus (incrementally, into the configured index folder) before the service takes requests,
/// so the first question is answered from a complete index, then leaves the folder to the <see cref="CorpusWatcher"/>.
/// A seed corpus takes well under a second. A cluster's indexer then publishes each commit to the replicas; a replica
/// has no corpus folder and no writer: its index is pulled from the indexer (<see cref="Cluster.ReplicaIndexService"/>).
/// </summary>
public sealed partial class IndexLoader(
    CorpusIndexer indexer,
    IndexHolder holder,
    CorpusFolder corpus,
    CorpusWatcher watcher,
    IndexPublisher publisher,
    IOptions<IndexOptions> index,
    IOptions<ClusterOptions> cluster,
    ILogger<IndexLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (cluster.Value.Role == ClusterRole.Replica) return;
        var folder = corpus.Path;
        if (!Directory.Exists(folder))
        {
            throw new StartupException($"Corpus folder not found: {Path.GetFullPath(folder)}. Set Corpus:Path (see README, Configuration).");
        }

        // Watching starts first, so that what changes while the folder is indexed is applied once it is.
        watcher.Begin();
        var update = await indexer.UpdateAsync(folder, index.Value.Path, null, cancellationToken);
        // Before any writer opens: from its first commit on, what is published is kept for the replicas' copies.
        if (cluster.Value.Role == ClusterRole.Indexer) update.Live.PublishTo(publisher);
        holder.Set(update.Live);
        NewsQATelemetry.IndexPassages.Record(update.Passages);
        foreach (var warning in update.Warnings) LogSkipped(logger, warning.Path, warning.Reason);
        LogIndexed(logger, update.Documents, update.Passages, folder, update.Elapsed.TotalSeconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Documents} articles ({Passages} passages) from {Corpus} in {Seconds:0.00} s")]
    private static partial void LogIndexed(ILogger logger, int documents, int passages, string corpus, double seconds);
}
