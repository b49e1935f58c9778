using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Indexing;
using NewsQA.Core.Telemetry;

namespace NewsQA.Cli;

/// <summary>
/// Gets the index a search or answer command needs, building or updating it when that is what the flags ask. The
/// command owns what it gets and takes a lease on it to read: <c>using var live = await IndexSession.OpenAsync(…);
/// using var lease = live.Acquire();</c>
/// </summary>
public static class IndexSession
{
    public static async Task<LiveIndex> OpenAsync(IHost host, string? corpus, string? index, CancellationToken cancellationToken)
    {
        var services = host.Services;
        var location = IndexLocation.Resolve(corpus, index,
            services.GetRequiredService<IOptions<CorpusOptions>>().Value, services.GetRequiredService<IOptions<IndexOptions>>().Value);

        if (location.IndexGivenAlone)
        {
            // An explicit index is used as it is; only when it cannot be used is it rebuilt from the configured corpus.
            var folder = IndexFolder.Open(location.IndexPath);
            if (folder.Problem is null) return Measured(new LiveIndex(folder, folder.OpenSnapshot(), services.GetRequiredService<IOptions<RetrievalOptions>>().Value.VectorIndex));
            folder.Dispose();
            await Console.Error.WriteLineAsync($"warning: {folder.Problem}; rebuilding from {location.CorpusFolder}").ConfigureAwait(false);
        }

        if (!Directory.Exists(location.CorpusFolder)) throw new UsageException($"Corpus folder not found: {Path.GetFullPath(location.CorpusFolder)}");
        var update = await services.GetRequiredService<CorpusIndexer>().UpdateAsync(location.CorpusFolder, location.IndexPath, null, cancellationToken).ConfigureAwait(false);
        if (update.RebuildReason is not null) await Console.Error.WriteLineAsync($"warning: {update.RebuildReason}; rebuilt").ConfigureAwait(false);
        return Measured(update.Live);
    }

    private static LiveIndex Measured(LiveIndex live)
    {
        using var lease = live.Acquire();
        NewsQATelemetry.IndexPassages.Record(lease.Index.Count);
        return live;
    }
}
