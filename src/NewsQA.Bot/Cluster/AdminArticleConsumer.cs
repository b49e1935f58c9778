using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;
using NewsQA.Core.Cluster;
using NewsQA.Core.Corpus;

namespace NewsQA.Bot.Cluster;

/// <summary>
/// On the indexer, applies the admin stream (<see cref="AdminArticleStream"/>) in order: each article is written into the
/// corpus folder (or removed from it) and the consumer waits until the index has committed the change, which publishes
/// it to the replicas; only then is the entry acknowledged. Entries left pending by an indexer killed mid-way are applied
/// again first after its restart, once in effect (the corpus writer refuses an article the folder already holds).
/// An entry that can never be applied (not an article) is logged and acknowledged; one that fails for a reason that may
/// pass (the disk, Redis) is tried again.
/// </summary>
public sealed partial class AdminArticleConsumer(
    AdminArticleStream stream,
    CorpusArticleWriter writer,
    CorpusFolder corpus,
    ICorpusChangeListener changes,
    IndexHolder holder,
    IOptions<ClusterOptions> cluster,
    TimeProvider time,
    ILogger<AdminArticleConsumer> logger) : BackgroundService
{
    // The stream is read this often when it is empty: StackExchange.Redis cannot block on XREADGROUP (one connection
    // serves every command), and a quarter second is well inside the few seconds an admin change may take to be cited.
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(2);
    private const int BatchEntries = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (cluster.Value.Role != ClusterRole.Indexer) return;
        try
        {
            await holder.WhenReadyAsync(stoppingToken);
            var ready = false;
            while (!stoppingToken.IsCancellationRequested)
            {
                var delay = IdlePoll;
                try
                {
                    if (!ready) await stream.CreateGroupAsync();
                    ready = true;
                    foreach (var entry in await stream.ReadAsync(BatchEntries))
                    {
                        await ApplyAsync(entry, stoppingToken);
                        await stream.AcknowledgeAsync(entry.Id);
                        delay = TimeSpan.Zero;
                    }
                }
                catch (Exception e) when (e is StackExchange.Redis.RedisException or IOException or UnauthorizedAccessException)
                {
                    LogFailed(logger, e.Message, RetryAfterFailure.TotalSeconds);
                    delay = RetryAfterFailure;
                }

                if (delay > TimeSpan.Zero) await Task.Delay(delay, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is not acknowledged is applied after the next start.
        }
    }

    /// <summary>Applies one entry and returns once the index has it (or it needs nothing).</summary>
    public async Task ApplyAsync(AdminArticleCommand entry, CancellationToken cancellationToken)
    {
        if (entry.DocumentId is { } documentId)
        {
            var removed = await writer.DeleteAsync(corpus.Path, documentId, cancellationToken);
            if (removed.Count > 0) await changes.CorpusChangedAsync(removed, cancellationToken);
            LogRemoved(logger, entry.Id, documentId, removed.Count > 0);
            return;
        }

        ArticleSubmission? submission;
        try
        {
            submission = entry.Article is null ? null : JsonSerializer.Deserialize<ArticleSubmission>(entry.Article, JsonBody.Options);
        }
        catch (JsonException)
        {
            submission = null;
        }

        var (article, problem) = submission?.ToArticle() ?? (null, "not an article submission");
        if (article is null)
        {
            LogNotAnArticle(logger, entry.Id, problem!);
            return;
        }

        var write = await writer.WriteAsync(corpus.Path, article, cancellationToken);
        if (write.Written) await changes.CorpusChangedAsync([write.Path!], cancellationToken);
        LogApplied(logger, entry.Id, write.DocumentId, write.Written ? "written" : write.Reason ?? "already in the corpus");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin entry {EntryId}: article {DocumentId} {Outcome}")]
    private static partial void LogApplied(ILogger logger, string entryId, string documentId, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin entry {EntryId}: removal of {DocumentId} (was in the corpus: {Found})")]
    private static partial void LogRemoved(ILogger logger, string entryId, string documentId, bool found);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin entry {EntryId} set aside: {Problem}")]
    private static partial void LogNotAnArticle(ILogger logger, string entryId, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying the admin stream failed ({Reason}); trying again in {Seconds} s")]
    private static partial void LogFailed(ILogger logger, string reason, double seconds);
}
