using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Feeds;
using NewsQA.Core.Ingestion;

namespace NewsQA.Cli.Commands;

/// <summary>
/// `newsqa ingest --feed URL` / `--url URL`: reads a feed's new items, or one article page, into the corpus folder as
/// Markdown files with front matter, the same files the bot's feed polling writes. Exit 1 when anything failed or was
/// set aside (a page that cannot be read, an address that is not public).
/// </summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var feed = new Option<string?>("--feed") { Description = "An RSS 2.0 or Atom feed: each new item's page is fetched and written." };
        var url = new Option<string?>("--url") { Description = "One article page to fetch and write." };
        var corpus = CommonOptions.Corpus();
        var command = new Command("ingest", "Fetch articles from a feed or a page into the corpus folder (deduplicated by link and text).") { feed, url, corpus };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (host, ct) =>
        {
            var (feedUrl, pageUrl) = (result.GetValue(feed), result.GetValue(url));
            if ((feedUrl is null) == (pageUrl is null)) throw new UsageException("give --feed URL or --url URL (one of them)");
            var address = feedUrl ?? pageUrl!;
            if (!WebLink.TryParse(address, out var uri)) throw new UsageException($"not an absolute http(s) URL: {address}");
            var folder = result.GetValue(corpus) ?? host.Services.GetRequiredService<IOptions<CorpusOptions>>().Value.Path;
            if (!Directory.Exists(folder)) throw new UsageException($"Corpus folder not found: {Path.GetFullPath(folder)}");

            IReadOnlyList<IngestOutcome> outcomes;
            if (feedUrl is not null)
            {
                var read = await host.Services.GetRequiredService<FeedIngestor>().IngestAsync(uri, folder, ct);
                if (read.Problem is not null)
                {
                    await Console.Error.WriteLineAsync($"error: feed {read.FeedUrl}: {read.Problem}");
                    return ExitCodes.Failure;
                }

                outcomes = read.Items;
            }
            else
            {
                outcomes = [await host.Services.GetRequiredService<PageIngestor>().IngestAsync(uri, ArticleMetadata.None, null, folder, ct)];
            }

            foreach (var outcome in outcomes) await Report(outcome);
            var count = (IngestStatus status) => outcomes.Count(o => o.Status == status);
            var setAside = count(IngestStatus.SetAside) > 0 ? $", {count(IngestStatus.SetAside)} set aside" : string.Empty;
            Console.WriteLine($"articles: {count(IngestStatus.Written)} written, {count(IngestStatus.Skipped)} skipped, {count(IngestStatus.Failed)} failed{setAside}, into {folder}");
            return count(IngestStatus.Failed) + count(IngestStatus.SetAside) > 0 ? ExitCodes.Failure : ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static async Task Report(IngestOutcome outcome)
    {
        switch (outcome.Status)
        {
            case IngestStatus.Written:
                var date = outcome.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "no date";
                Console.WriteLine($"written: {Path.GetFileName(outcome.Path)}  {outcome.Title} ({date})  {outcome.Url}");
                break;
            case IngestStatus.Skipped:
                Console.WriteLine($"skipped: {outcome.Url}: {outcome.Reason}");
                break;
            case IngestStatus.SetAside:
                await Console.Error.WriteLineAsync($"set aside: {outcome.Url}: {outcome.Reason}");
                break;
            default:
                await Console.Error.WriteLineAsync($"failed: {outcome.Url}: {outcome.Reason}");
                break;
        }
    }
}
