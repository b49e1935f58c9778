using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Indexing;
using Spectre.Console;

namespace NewsQA.Cli.Commands;

/// <summary>`newsqa index`: builds or updates the index of a corpus folder.</summary>
public static class IndexCommand
{
    // Below this many files a run takes a moment; a progress bar would only flicker.
    private const int ProgressBarFiles = 50;

    public static Command Create()
    {
        var corpus = CommonOptions.Corpus();
        var index = CommonOptions.Index();
        var command = new Command("index", "Build or update the index of a corpus folder (incremental: unchanged articles are reused).") { corpus, index };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (host, ct) =>
        {
            var services = host.Services;
            var location = IndexLocation.Resolve(result.GetValue(corpus), result.GetValue(index),
                services.GetRequiredService<IOptions<CorpusOptions>>().Value, services.GetRequiredService<IOptions<IndexOptions>>().Value);
            if (!Directory.Exists(location.CorpusFolder)) throw new UsageException($"Corpus folder not found: {Path.GetFullPath(location.CorpusFolder)}");

            var indexer = services.GetRequiredService<CorpusIndexer>();
            var update = await RunWithProgressAsync(indexer, location, ct);
            using var live = update.Live;
            foreach (var warning in update.Warnings) await Console.Error.WriteLineAsync($"warning: {warning.Path}: {warning.Reason}");
            if (update.RebuildReason is not null) await Console.Error.WriteLineAsync($"warning: {update.RebuildReason}; rebuilt from the corpus");
            Console.WriteLine($"Indexed {location.CorpusFolder} into {location.IndexPath}");
            Console.WriteLine($"documents: {update.Added} added, {update.Changed} changed, {update.Removed} removed, {update.Unchanged} unchanged");
            Console.WriteLine($"passages: {update.Passages} ({update.PassagesIndexed} indexed in this run)");
            if (update.Embedded + update.Reused > 0)
            {
                Console.WriteLine($"embeddings: {update.Embedded} embedded ({update.EmbeddingTokens} tokens), {update.Reused} reused from the cache");
            }

            Console.WriteLine($"written: {update.BytesWritten / 1e6:0.0##} MB of the index folder's {update.IndexBytes / 1e6:0.0##} MB ({(update.IndexBytes == 0 ? 0 : 100.0 * update.BytesWritten / update.IndexBytes):0.0}%)");
            Console.WriteLine($"seconds: {update.Elapsed.TotalSeconds:0.00}");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static async Task<IndexUpdate> RunWithProgressAsync(CorpusIndexer indexer, IndexLocation location, CancellationToken ct)
    {
        var files = Directory.EnumerateFiles(location.CorpusFolder).Count();
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive || files < ProgressBarFiles)
        {
            return await indexer.UpdateAsync(location.CorpusFolder, location.IndexPath, null, ct);
        }

        return await AnsiConsole.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("Indexing", maxValue: files);
            ProgressTask? embedding = null; // a bar of its own once passages go to the provider: long runs wait on it
            var progress = new Progress<IndexProgress>(p =>
            {
                task.Value = p.FilesDone;
                if (p.PassagesToEmbed == 0) return;
                embedding ??= context.AddTask("Embedding", maxValue: 1);
                embedding.MaxValue = p.PassagesToEmbed;
                embedding.Value = p.Embedded + p.Reused;
                embedding.Description = $"Embedding: {p.Embedded:N0} embedded ({p.EmbeddingTokens:N0} tokens), {p.Reused:N0} reused";
            });
            var update = await indexer.UpdateAsync(location.CorpusFolder, location.IndexPath, progress, ct);
            task.Value = task.MaxValue;
            if (embedding is not null) embedding.Value = embedding.MaxValue;
            return update;
        });
    }
}
