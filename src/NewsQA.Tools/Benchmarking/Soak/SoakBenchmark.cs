using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using NewsQA.Core.Corpus;

namespace NewsQA.Tools.Benchmarking.Soak;

/// <summary>
/// News flowing into a loaded service for a long time, to see whether it holds: the bot is started in a process of its
/// own over a copy of a seed folder; its REST and Direct Line clients ask one question after another while an article
/// is dropped into the folder it watches at a steady pace (written under a temporary name, then renamed, as feeds
/// do); every interval the answers, errors, latency, the service's resident memory and its index's size are sampled.
/// Loopback only, bounded in time; the service is stopped at the end and the work folder removed.
/// </summary>
public sealed class SoakBenchmark(string botPath, string seedFolder, string workFolder)
{
    private static readonly TimeSpan ReadyPatience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public async Task<SoakResult> RunAsync(
        SoakSettings settings, string articleSource, IReadOnlyList<string> articles, Action<SoakInterval> sampled, CancellationToken cancellationToken)
    {
        var corpus = Directory.CreateDirectory(Path.Combine(workFolder, "corpus")).FullName;
        foreach (var seed in Directory.EnumerateFiles(seedFolder)) File.Copy(seed, Path.Combine(corpus, Path.GetFileName(seed)), overwrite: true);
        using var service = await ServiceProcess.StartAsync(botPath, corpus, workFolder, cancellationToken);
        using var http = new HttpClient { Timeout = RequestTimeout };
        await UntilReadyAsync(http, service.Address, cancellationToken);

        var load = new LoadGenerator(service.Address, http);
        // Two questions per client through each way in first, so the first interval measures answering, not compiling.
        await load.RunAsync("ask", settings.Concurrency, 2 * settings.Concurrency, cancellationToken);
        if (settings.DirectLineClients > 0) await load.RunAsync("directline", settings.DirectLineClients, 2 * settings.DirectLineClients, cancellationToken);

        var loadAtStart = MachineLoad.Averages();
        var recorder = new SoakRecorder();
        using var stop = new CancellationTokenSource();
        var next = -1;
        var clients = Enumerable.Range(0, settings.Concurrency)
            .Select(c => Task.Run(() => ClientAsync(load, c < settings.RestClients ? "ask" : "directline", () => Interlocked.Increment(ref next), recorder, stop.Token), CancellationToken.None))
            .ToList();
        var arrived = 0;
        var arrivals = Task.Run(() => ArriveAsync(corpus, articles, settings.ArrivalEvery, () => Interlocked.Increment(ref arrived), stop.Token), CancellationToken.None);

        var intervals = new List<SoakInterval>();
        string? stopped = null;
        var clock = Stopwatch.StartNew();
        try
        {
            using var timer = new PeriodicTimer(settings.Interval);
            var last = 0.0;
            while (clock.Elapsed < settings.Duration && await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (!service.Running)
                {
                    stopped = "the service exited";
                    break;
                }

                var now = clock.Elapsed.TotalSeconds;
                var (answers, errors, latencies) = recorder.Take();
                var health = await HealthAsync(http, service.Address, cancellationToken);
                var interval = new SoakInterval(now, now - last, answers, errors, answers / (now - last),
                    latencies.Count > 0 ? Percentiles.Of(latencies, 50) : 0, latencies.Count > 0 ? Percentiles.Of(latencies, 99) : 0,
                    service.ResidentBytes(), health.ManagedHeapBytes, health.ConversationBytes, health.Documents, health.Passages,
                    Volatile.Read(ref arrived), MachineLoad.Averages().Split(' ')[0]);
                intervals.Add(interval);
                sampled(interval);
                last = now;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll([.. clients, arrivals]);
        }

        return new SoakResult(settings, articleSource, intervals, SoakSummary.Of(intervals), loadAtStart, MachineLoad.Averages(), stopped);
    }

    // One client: a question, its answer, the next one, until the soak stops (a question under way is left to finish).
    private static async Task ClientAsync(LoadGenerator load, string scenario, Func<int> next, SoakRecorder recorder, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            var answered = await load.QuestionAsync(scenario, next(), CancellationToken.None);
            recorder.Record(answered, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    // An article every so often, each written whole under a name the watcher ignores, then renamed into place.
    private static async Task ArriveAsync(string corpus, IReadOnlyList<string> articles, TimeSpan every, Func<int> arrived, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(every);
        var n = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var path = Path.Combine(corpus, $"soak-{n:D6}.txt");
                var staged = ArticleFile.TemporaryPathFor(path);
                await File.WriteAllTextAsync(staged, articles[n % articles.Count], stop);
                File.Move(staged, path);
                n++;
                arrived();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The soak is over.
        }
    }

    private static async Task UntilReadyAsync(HttpClient http, Uri service, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(ReadyPatience);
        while (true)
        {
            using var response = await http.GetAsync(new Uri(service, "/healthz"), patience.Token);
            if (response.IsSuccessStatusCode) return;
            await Task.Delay(100, patience.Token);
        }
    }

    private static async Task<(long ManagedHeapBytes, long ConversationBytes, int Documents, int Passages)> HealthAsync(
        HttpClient http, Uri service, CancellationToken cancellationToken)
    {
        try
        {
            var health = await http.GetFromJsonAsync<JsonElement>(new Uri(service, "/healthz"), cancellationToken);
            return (health.GetProperty("managedHeapBytes").GetInt64(), health.GetProperty("conversationBytes").GetInt64(),
                health.GetProperty("documents").GetInt32(), health.GetProperty("passages").GetInt32());
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (-1, -1, -1, -1);
        }
    }
}
