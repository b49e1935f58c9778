using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsQA.Tools.Benchmarking;

/// <summary>
/// Questions during ingestion, on a running service on this machine and the corpus folder it watches: first how long
/// one article dropped into the folder takes to be answerable (three samples) (the service's /healthz counts it, which it does once
/// the index answering questions holds it); then, after a warm-up, a question load with nothing arriving, for a fixed time; then the same
/// load while a burst of articles is renamed into the folder, until the service has applied them all; then for the same
/// fixed time with them all indexed and nothing arriving; then while they are deleted again. The articles are written beforehand under names the watcher ignores, so the burst is the
/// arrival, not the writing. Whatever the run leaves in the folder is deleted at its end.
/// </summary>
public sealed class LiveIngestionBenchmark(Uri service, HttpClient http, string corpusFolder)
{
    private const string Prefix = "bench-live-";
    private const string Staged = ".part";
    private const int OneArticleSamples = 3;
    private const int WarmUpQuestions = 100;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(30);

    public async Task<LiveIngestionResult> RunAsync(IReadOnlyList<string> articles, int concurrency, TimeSpan idle, CancellationToken cancellationToken)
    {
        if (!LoadGenerator.IsLoopback(service)) throw new InvalidOperationException($"Load is only ever sent to this machine; {service} is not a loopback address.");
        var load = new LoadGenerator(service, http);
        var (documents, passages) = await HealthAsync(cancellationToken);
        var loadBefore = LoadAverage();
        try
        {
            var single = new List<double>();
            for (var sample = 0; sample < OneArticleSamples; sample++)
            {
                var path = Stage(sample, articles[sample % articles.Count]);
                var timer = Stopwatch.StartNew();
                File.Move(path + Staged, path);
                await UntilAsync(documents + 1, cancellationToken);
                single.Add(timer.Elapsed.TotalSeconds);
                File.Delete(path);
                await UntilAsync(documents, cancellationToken);
            }

            await load.RunAsync("ask", concurrency, WarmUpQuestions, cancellationToken); // compiled and cached before measuring
            using var idleEnd = new CancellationTokenSource(idle);
            var quiet = await load.RunUntilAsync("ask", concurrency, idleEnd.Token, cancellationToken);
            var paths = articles.Select((text, i) => Stage(i, text)).ToList();
            var (during, ingestion) = await UnderLoadAsync(load, concurrency, () =>
            {
                foreach (var path in paths) File.Move(path + Staged, path);
            }, documents + articles.Count, cancellationToken);
            var (_, added) = await HealthAsync(cancellationToken);
            using var fullEnd = new CancellationTokenSource(idle);
            var full = await load.RunUntilAsync("ask", concurrency, fullEnd.Token, cancellationToken);
            var (removing, removal) = await UnderLoadAsync(load, concurrency, () =>
            {
                foreach (var path in paths) File.Delete(path);
            }, documents, cancellationToken);
            return new LiveIngestionResult(articles.Count, passages, added - passages, single, quiet, during, ingestion, full, removing, removal)
            {
                LoadAverage = $"{loadBefore} at the start, {LoadAverage()} at the end",
            };
        }
        finally
        {
            foreach (var leftover in Directory.EnumerateFiles(corpusFolder, Prefix + "*")) File.Delete(leftover);
        }
    }

    // The load runs from just before the change until the service reports the expected number of articles.
    private async Task<(LoadResult Load, double Seconds)> UnderLoadAsync(LoadGenerator load, int concurrency, Action change, int expectedDocuments, CancellationToken cancellationToken)
    {
        using var stop = new CancellationTokenSource();
        var running = load.RunUntilAsync("ask", concurrency, stop.Token, cancellationToken);
        var timer = Stopwatch.StartNew();
        change();
        await UntilAsync(expectedDocuments, cancellationToken);
        var seconds = timer.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        return (await running, seconds);
    }

    private string Stage(int number, string text)
    {
        var path = Path.Combine(corpusFolder, $"{Prefix}{number:D6}.txt");
        File.WriteAllText(path + Staged, text);
        return path;
    }

    private async Task UntilAsync(int documents, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Patience);
        while (true)
        {
            var health = await http.GetFromJsonAsync<JsonElement>(new Uri(service, "/healthz"), deadline.Token);
            if (health.GetProperty("documents").GetInt32() == documents && health.GetProperty("pendingChanges").GetInt32() == 0) return;
            await Task.Delay(20, deadline.Token);
        }
    }

    // The machine's 1, 5 and 15 minute load averages where the system tells them (Linux), so a loaded run says so.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private async Task<(int Documents, int Passages)> HealthAsync(CancellationToken cancellationToken)
    {
        var health = await http.GetFromJsonAsync<JsonElement>(new Uri(service, "/healthz"), cancellationToken);
        return (health.GetProperty("documents").GetInt32(), health.GetProperty("passages").GetInt32());
    }
}
