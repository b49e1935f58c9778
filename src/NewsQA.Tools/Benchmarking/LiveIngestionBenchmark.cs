using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsQA.Tools.Benchmarking;

/// <summary>
/// Questions during ingestion, on a running service on this machine and the corpus folder it watches. First how long
/// one article dropped into the folder takes to be answerable (three samples; the service's /healthz counts it once the
/// index answering questions holds it). Then, after a warm-up, a question load for a fixed time with nothing arriving;
/// the same load while a burst of articles is renamed into the folder, until the service has applied them all (the
/// index grows meanwhile); for the fixed time again with nothing arriving; while every one of those articles is
/// rewritten with one paragraph more (the same work as new articles, on an index of about the same size, so this is
/// the clean comparison with the phases either side of it); for the fixed time again; and while they are deleted again. Articles are written beforehand
/// under names the watcher ignores, so a burst is their arrival, not their writing. The run deletes its files at the end.
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
        var loadBefore = MachineLoad.Averages();
        try
        {
            var single = await OneArticleAsync(articles[0], documents, cancellationToken);
            await load.RunAsync("ask", concurrency, WarmUpQuestions, cancellationToken); // compiled and cached before measuring
            var quiet = await QuietAsync(load, concurrency, idle, cancellationToken);

            var paths = articles.Select((text, i) => Stage(i, text)).ToList();
            var (arriving, arrival) = await UnderLoadAsync(load, concurrency, () => paths.ForEach(Unstage), h => h.Documents == documents + articles.Count, cancellationToken);
            var (_, added) = await HealthAsync(cancellationToken);
            var full = await QuietAsync(load, concurrency, idle, cancellationToken);

            // Each rewritten with a short closing paragraph, so the index has one passage more per article once all are applied.
            for (var i = 0; i < paths.Count; i++) Stage(i, $"{articles[i].TrimEnd()}\n\nهذه الفقرة أضيفت إلى المقال رقم {i + 1} في تحديثه.\n");
            var (changing, change) = await UnderLoadAsync(load, concurrency, () => paths.ForEach(Unstage), h => h.Passages == added + articles.Count, cancellationToken);
            var changed = await QuietAsync(load, concurrency, idle, cancellationToken);

            var (removing, removal) = await UnderLoadAsync(load, concurrency, () => paths.ForEach(File.Delete), h => h.Documents == documents, cancellationToken);
            return new LiveIngestionResult(articles.Count, passages, added - passages, single, quiet, arriving, arrival, full, changing, change, changed, removing, removal)
            {
                LoadAverage = $"{loadBefore} at the start, {MachineLoad.Averages()} at the end",
            };
        }
        finally
        {
            foreach (var leftover in Directory.EnumerateFiles(corpusFolder, Prefix + "*")) File.Delete(leftover);
        }
    }

    // Seconds from one article's arrival to its being answerable, a few times (removed again after each).
    private async Task<List<double>> OneArticleAsync(string text, int documents, CancellationToken cancellationToken)
    {
        var seconds = new List<double>();
        for (var sample = 0; sample < OneArticleSamples; sample++)
        {
            var path = Stage(sample, text);
            var timer = Stopwatch.StartNew();
            Unstage(path);
            await UntilAsync(h => h.Documents == documents + 1, cancellationToken);
            seconds.Add(timer.Elapsed.TotalSeconds);
            File.Delete(path);
            await UntilAsync(h => h.Documents == documents, cancellationToken);
        }

        return seconds;
    }

    private static async Task<LoadResult> QuietAsync(LoadGenerator load, int concurrency, TimeSpan idle, CancellationToken cancellationToken)
    {
        using var end = new CancellationTokenSource(idle);
        return await load.RunUntilAsync("ask", concurrency, end.Token, cancellationToken);
    }

    // The load runs from just before the change until the service's counts show it applied.
    private async Task<(LoadResult Load, double Seconds)> UnderLoadAsync(
        LoadGenerator load, int concurrency, Action change, Func<(int Documents, int Passages), bool> applied, CancellationToken cancellationToken)
    {
        using var stop = new CancellationTokenSource();
        var running = load.RunUntilAsync("ask", concurrency, stop.Token, cancellationToken);
        var timer = Stopwatch.StartNew();
        change();
        await UntilAsync(applied, cancellationToken);
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

    // A rename within the folder: the watcher sees the whole file appear (or replace the old one) at once.
    private static void Unstage(string path) => File.Move(path + Staged, path, overwrite: true);

    private async Task UntilAsync(Func<(int Documents, int Passages), bool> applied, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Patience);
        while (true)
        {
            var health = await http.GetFromJsonAsync<JsonElement>(new Uri(service, "/healthz"), deadline.Token);
            var counts = (health.GetProperty("documents").GetInt32(), health.GetProperty("passages").GetInt32());
            if (applied(counts) && health.GetProperty("pendingChanges").GetInt32() == 0) return;
            await Task.Delay(20, deadline.Token);
        }
    }

    private async Task<(int Documents, int Passages)> HealthAsync(CancellationToken cancellationToken)
    {
        var health = await http.GetFromJsonAsync<JsonElement>(new Uri(service, "/healthz"), cancellationToken);
        return (health.GetProperty("documents").GetInt32(), health.GetProperty("passages").GetInt32());
    }
}
