using Microsoft.Extensions.Options;
using NewsQA.Bot.Watching;
using NewsQA.Core.Configuration;
using NewsQA.Core.Indexing;
using NewsQA.Core.Telemetry;

namespace NewsQA.Bot.Hosting;

/// <summary>
/// Indexes the configured corpus (incrementally, into the configured index folder) before the service takes requests,
/// so the first question is answered from a complete index, then leaves the folder to the <see cref="CorpusWatcher"/>.
/// A seed corpus takes well under a second.
/// </summary>
public sealed partial class IndexLoader(
    CorpusIndexer indexer, IndexHolder holder, CorpusFolder corpus, CorpusWatcher watcher, IOptions<IndexOptions> index, ILogger<IndexLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = corpus.Path;
        if (!Directory.Exists(folder))
        {
            throw new StartupException($"Corpus folder not found: {Path.GetFullPath(folder)}. Set Corpus:Path (see README, Configuration).");
        }

        // Watching starts first, so that what changes while the folder is indexed is applied once it is.
        watcher.Begin();
        var update = await indexer.UpdateAsync(folder, index.Value.Path, null, cancellationToken);
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
