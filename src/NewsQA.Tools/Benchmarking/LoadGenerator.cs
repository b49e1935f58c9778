using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsQA.Tools.Benchmarking;

/// <summary>
/// A bounded load on a NewsQA service on this machine: a fixed number of questions at a given concurrency, through
/// POST /api/ask or the whole Direct Line flow (token, start, post, poll until the answer). It refuses any address
/// but loopback, and stops when its requests are done. The questions are a fixed rotation of six, or those given (for
/// instance the benchmark's 1,190 XQuAD questions, so that a cache of one question's work cannot carry the load).
/// </summary>
public sealed class LoadGenerator(Uri service, HttpClient http, IReadOnlyList<string>? questions = null)
{
    private static readonly string[] Rotation =
    [
        "من هو المتحدث باسم الحشد الشعبي؟", "كم رفع الناتو عدد جنوده في العراق؟", "متى احتل تنظيم الدولة ثلث مساحة العراق؟",
        "Who commands the French forces in the Middle East?", "من هو قائد عمليات محافظة نينوى؟", "لخص المقال الثاني",
    ];

    private readonly IReadOnlyList<string> _questions = questions is { Count: > 0 } ? questions : Rotation;

    private static readonly TimeSpan AnswerPatience = TimeSpan.FromSeconds(30);

    /// <summary>Whether each level's result carries its second-by-second timeline (see <see cref="LoadTimeline"/>).</summary>
    public bool RecordTimeline { get; init; }

    public static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host, out var ip) && IPAddress.IsLoopback(ip));

    public Task<LoadResult> RunAsync(string scenario, int concurrency, int requests, CancellationToken cancellationToken)
    {
        var next = -1;
        return RunCoreAsync(scenario, concurrency, () => Interlocked.Increment(ref next) is var n && n < requests ? n : -1, cancellationToken);
    }

    /// <summary>Questions at a given concurrency, one after another on each worker, until <paramref name="stop"/> is cancelled.</summary>
    public Task<LoadResult> RunUntilAsync(string scenario, int concurrency, CancellationToken stop, CancellationToken cancellationToken)
    {
        var next = -1;
        return RunCoreAsync(scenario, concurrency, () => stop.IsCancellationRequested ? -1 : Interlocked.Increment(ref next), cancellationToken);
    }

    // Each worker takes the next question number until there is none (-1).
    private async Task<LoadResult> RunCoreAsync(string scenario, int concurrency, Func<int> take, CancellationToken cancellationToken)
    {
        if (!IsLoopback(service)) throw new InvalidOperationException($"Load is only ever sent to this machine; {service} is not a loopback address.");
        var latencies = new ConcurrentBag<double>();
        var completions = new ConcurrentBag<(DateTimeOffset, bool)>();
        var errors = 0;
        var begun = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = take()) >= 0)
            {
                var started = Stopwatch.GetTimestamp();
                var answered = await QuestionAsync(scenario, n, cancellationToken);
                if (!answered) Interlocked.Increment(ref errors);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (RecordTimeline) completions.Add((begun + clock.Elapsed, answered));
            }
        }, cancellationToken)));
        var seconds = clock.Elapsed.TotalSeconds;
        var requests = latencies.Count;
        return new LoadResult(scenario, concurrency, requests, errors, seconds, requests / seconds,
            Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95), Percentiles.Of(latencies, 99), await MemoryAsync(cancellationToken),
            RecordTimeline ? LoadTimeline.Of(begun, completions) : null);
    }

    /// <summary>
    /// Question number <paramref name="n"/> (of the rotation, or of the questions given, in turn) through <paramref name="scenario"/> ("ask" or
    /// "directline"); true when it was answered, false for an error status, a broken or timed-out exchange.
    /// </summary>
    public async Task<bool> QuestionAsync(string scenario, int n, CancellationToken cancellationToken)
    {
        if (!IsLoopback(service)) throw new InvalidOperationException($"Load is only ever sent to this machine; {service} is not a loopback address.");
        var question = _questions[n % _questions.Count];
        try
        {
            return scenario == "directline" ? await DirectLineAsync(question, cancellationToken) : await AskAsync(question, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    private async Task<bool> AskAsync(string question, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(new Uri(service, "/api/ask"), new { question }, ct);
        return response.IsSuccessStatusCode;
    }

    private async Task<bool> DirectLineAsync(string question, CancellationToken ct)
    {
        using var tokenResponse = await http.PostAsync(new Uri(service, "/api/directline/token"), null, ct);
        if (!tokenResponse.IsSuccessStatusCode) return false;
        var issued = await tokenResponse.Content.ReadFromJsonAsync<JsonElement>(ct);
        var token = issued.GetProperty("token").GetString()!;
        var conversation = issued.GetProperty("conversationId").GetString()!;
        using (var start = Authorized(HttpMethod.Post, "/v3/directline/conversations", token))
        using (var started = await http.SendAsync(start, ct))
        {
            if (!started.IsSuccessStatusCode) return false;
        }

        using (var post = Authorized(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities", token))
        {
            post.Content = JsonContent.Create(new { type = "message", text = question, from = new { id = issued.GetProperty("userId").GetString(), role = "user" } });
            using var posted = await http.SendAsync(post, ct);
            if (!posted.IsSuccessStatusCode) return false;
        }

        // Poll the way Web Chat does without a WebSocket, quickly, until the bot's answer (a message with a replyToId):
        // for half a minute, so a busy machine's slow answer is slow, not an error.
        var patience = Stopwatch.StartNew();
        while (patience.Elapsed < AnswerPatience)
        {
            using var poll = Authorized(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities", token);
            using var polled = await http.SendAsync(poll, ct);
            if (!polled.IsSuccessStatusCode) return false;
            var set = await polled.Content.ReadFromJsonAsync<JsonElement>(ct);
            if (set.GetProperty("activities").EnumerateArray().Any(a => a.TryGetProperty("replyToId", out _))) return true;
            await Task.Delay(10, ct);
        }

        return false;
    }

    private HttpRequestMessage Authorized(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, new Uri(service, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private async Task<long?> MemoryAsync(CancellationToken ct)
    {
        var health = await http.GetFromJsonAsync<JsonElement>(new Uri(service, "/healthz"), ct);
        return health.TryGetProperty("workingSetBytes", out var bytes) ? bytes.GetInt64() : null;
    }
}
