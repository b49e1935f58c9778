using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;
using NewsQA.Core.Cluster;
using NewsQA.Core.Configuration;
using NewsQA.Core.Corpus;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;

namespace NewsQA.Bot.Watching;

/// <summary>
/// Keeps the running index equal to the corpus folder while the service answers. Changes come from the file system's
/// events and from a periodic listing of the folder (the fallback for missed events and network shares); each changed
/// file waits until it has settled (<see cref="WatcherOptions.SettleTime"/>), then the settled ones are applied in
/// batches (<see cref="LiveIndexWriter"/>): only those articles are replaced or removed,
/// each batch is committed, and readers move to the new snapshot without a pause. Files that feeds and the admin API
/// wrote (whole, by rename) are applied at once, and <see cref="CorpusChangedAsync"/> returns when they are answerable.
/// A cluster's replica has no corpus folder and no writer: there it does nothing.
/// </summary>
public sealed partial class CorpusWatcher(
    IndexHolder holder,
    CorpusFolder corpus,
    PassageEncoder encoder,
    IOptions<CorpusOptions> corpusOptions,
    IOptions<WatcherOptions> options,
    IOptions<ClusterOptions> cluster,
    TimeProvider time,
    ILogger<CorpusWatcher> logger) : BackgroundService, ICorpusChangeListener
{
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ConcurrentQueue<(IReadOnlyCollection<string> Paths, TaskCompletionSource Applied)> _written = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SettlingFiles _settling = new(options.Value.SettleTime);
    private Dictionary<string, FileStamp> _listed = new(StringComparer.Ordinal);
    private FolderEvents? _folderEvents;
    private volatile bool _rescanNow;
    private long _passes;
    private long _batches;
    private int _pending;

    /// <summary>Changed files waiting to settle or to be applied.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Passes over the waiting changes so far (each wake-up is one), for tests that step a fake clock.</summary>
    public long Passes => Interlocked.Read(ref _passes);

    /// <summary>Batches committed to the index so far (each one commit and one refresh).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>
    /// Starts following the folder: its events and its listing as it is now, taken before the start-up indexing reads
    /// it, so that whatever changes while that runs is applied after it.
    /// </summary>
    public void Begin()
    {
        if (cluster.Value.Role == ClusterRole.Replica) return;
        if (!Directory.Exists(corpus.Path)) return; // the start-up indexing reports it
        _listed = List();
        if (!options.Value.FileEvents) return;
        _folderEvents = new FolderEvents(path =>
        {
            _events.Enqueue(path);
            Wake();
        }, () =>
        {
            _rescanNow = true;
            Wake();
        });
        if (_folderEvents.Start(Path.GetFullPath(corpus.Path)) is { } reason) LogNoEvents(logger, corpus.Path, reason, options.Value.RescanInterval);
    }

    public async Task CorpusChangedAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken)
    {
        var applied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _written.Enqueue(([.. paths.Select(Path.GetFullPath)], applied));
        Wake();
        await applied.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (cluster.Value.Role == ClusterRole.Replica) return;
        try
        {
            await holder.WhenReadyAsync(stoppingToken).ConfigureAwait(false);
            using var writer = new LiveIndexWriter(holder.Live!, encoder, corpusOptions.Value.MaxPassageChars, corpusOptions.Value.MaxFileBytes);
            var nextRescan = time.GetUtcNow() + options.Value.RescanInterval;
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                while (_events.TryDequeue(out var path)) _settling.Touch(path, FileStamp.Of(path), now);
                if (_rescanNow || now >= nextRescan)
                {
                    _rescanNow = false;
                    Rescan(now);
                    nextRescan = now + options.Value.RescanInterval;
                }

                var written = new List<(IReadOnlyCollection<string> Paths, TaskCompletionSource Applied)>();
                while (_written.TryDequeue(out var change)) written.Add(change);
                var settled = _settling.TakeSettled(now, FileStamp.Of, path => FileWriters.AreWriting(path) == true);
                Volatile.Write(ref _pending, _settling.Count + settled.Count);
                await ApplyAsync(writer, [.. written.SelectMany(w => w.Paths), .. settled], now, stoppingToken).ConfigureAwait(false);
                foreach (var change in written) change.Applied.TrySetResult();
                Volatile.Write(ref _pending, _settling.Count);
                Interlocked.Increment(ref _passes);

                var wakeAt = _settling.NextDue is { } due && due < nextRescan ? due : nextRescan;
                await WaitAsync(wakeAt - time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is in the folder is indexed at the next start.
        }
        finally
        {
            _folderEvents?.Dispose();
            while (_written.TryDequeue(out var change)) change.Applied.TrySetCanceled(stoppingToken);
        }
    }

    // The batches of the changed articles. A batch that fails is applied again one article at a time: the articles
    // that fail alone while others go in are set aside (logged with their paths) until their files change; when every
    // article fails, the cause is not in them (the index, the embedding model) and all are retried at the next rescan,
    // the previous index answering meanwhile.
    private async Task ApplyAsync(LiveIndexWriter writer, List<string> paths, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var documents = paths.GroupBy(CorpusReader.DocumentId, StringComparer.Ordinal).ToList();
        foreach (var batch in documents.Chunk(options.Value.MaxBatchArticles))
        {
            // What is applied is what the next listing compares with, so it is not read again for having changed.
            foreach (var path in batch.SelectMany(d => d))
            {
                if (FileStamp.Of(path) is { } stamp) _listed[path] = stamp;
                else _listed.Remove(path);
            }

            if (await TryApplyAsync(writer, batch, cancellationToken).ConfigureAwait(false) is not { } failure) continue;
            var failed = new List<(IGrouping<string, string> Document, Exception Error)>();
            if (batch.Length > 1)
            {
                foreach (var document in batch)
                {
                    if (await TryApplyAsync(writer, [document], cancellationToken).ConfigureAwait(false) is { } alone) failed.Add((document, alone));
                }
            }

            if (batch.Length > 1 && failed.Count < batch.Length)
            {
                foreach (var (document, error) in failed)
                {
                    foreach (var path in document) LogSetAside(logger, error, path);
                }

                continue;
            }

            LogFailed(logger, failure, options.Value.RescanInterval);
            foreach (var path in batch.SelectMany(d => d)) _settling.Hold(path, FileStamp.Of(path), now + options.Value.RescanInterval);
        }
    }

    // One commit of these articles; the exception when it failed.
    private async Task<Exception?> TryApplyAsync(LiveIndexWriter writer, IGrouping<string, string>[] documents, CancellationToken cancellationToken)
    {
        try
        {
            var applied = await writer.ApplyAsync(corpus.Path, [.. documents.Select(d => d.Key)], cancellationToken).ConfigureAwait(false);
            foreach (var path in applied.Deferred) _settling.Touch(Path.GetFullPath(path), FileStamp.Of(path), time.GetUtcNow());
            foreach (var warning in applied.Warnings) LogSkipped(logger, warning.Path, warning.Reason);
            if (!applied.Committed) return null;
            Interlocked.Increment(ref _batches);
            LogApplied(logger, applied.Added, applied.Changed, applied.Removed, applied.Unchanged, applied.Elapsed.TotalSeconds);
            return null;
        }
#pragma warning disable CA1031 // The articles are safe in the folder; a failed batch must not stop the watcher (nor fail the request that wrote them).
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return e;
        }
    }

    // The folder listed again: every file added, changed or removed since the last listing waits to settle.
    private void Rescan(DateTimeOffset now)
    {
        Dictionary<string, FileStamp> listed;
        try
        {
            listed = List();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogRescanFailed(logger, corpus.Path, e.Message);
            return;
        }

        foreach (var (path, stamp) in listed)
        {
            if (!_listed.TryGetValue(path, out var before) || before != stamp) _settling.Touch(path, stamp, now);
        }

        foreach (var path in _listed.Keys.Where(p => !listed.ContainsKey(p))) _settling.Touch(path, null, now);
        _listed = listed;
    }

    private Dictionary<string, FileStamp> List() => new DirectoryInfo(corpus.Path).EnumerateFiles()
        .Where(f => CorpusReader.IsArticlePath(f.Name) && !ArticleFile.IsTemporary(f.Name))
        .ToDictionary(f => f.FullName, f => new FileStamp(f.Length, f.LastWriteTimeUtc), StringComparer.Ordinal);

    private void Wake() => _wake.Writer.TryWrite(true);

    // Until the next file may have settled or the next rescan is due, or sooner when something changes.
    private async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (_wake.Reader.TryRead(out _)) return;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = delay > TimeSpan.Zero ? Task.Delay(delay, time, stop.Token) : Task.CompletedTask;
        var woken = _wake.Reader.WaitToReadAsync(stop.Token).AsTask();
        await Task.WhenAny(timer, woken).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        _wake.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Index updated: {Added} added, {Changed} changed, {Removed} removed, {Unchanged} unchanged, in {Seconds:0.00} s")]
    private static partial void LogApplied(ILogger logger, int added, int changed, int removed, int unchanged, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying changed articles to the index failed; the previous index is still answering, and they are tried again in {Retry}")]
    private static partial void LogFailed(ILogger logger, Exception exception, TimeSpan retry);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path}: could not be applied to the index while the rest of its batch could; it is set aside until the file changes")]
    private static partial void LogSetAside(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File events are not available for {Folder} ({Reason}); changes are found by listing it every {Interval}")]
    private static partial void LogNoEvents(ILogger logger, string folder, string reason, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing {Folder} failed: {Reason}; tried again at the next rescan")]
    private static partial void LogRescanFailed(ILogger logger, string folder, string reason);
}
