using Xunit.Abstractions;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsQA.Bot.Tests.Fuzz;

/// <summary>
/// A fixed-seed fuzz run over every endpoint of a real Kestrel on loopback: mutated bodies, headers, ids, query values
/// and tokens, and raw requests with broken HTTP framing. No case may get a 5xx, and the service must answer a real
/// question and a real web chat afterwards. The seed and the counts are fixed, so a failure reruns exactly.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 15;
    private const int HttpCases = 2500;
    private const int RawCases = 400;
    private const int Parallel = 4;

    private const string AdminKey = "fuzz-admin-key-0123456789";

    private readonly LiveCorpus _corpus = new();
    private ChannelServer _channel = null!;
    private BotFactory _bot = null!;
    private Uri _address = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _channel = await ChannelServer.StartAsync();
        _bot = new BotFactory();
        // Fuzzed serviceUrls must never reach anything else on this machine: only the test's own channel is allowed.
        _bot.Settings["BotFramework:AllowedServiceUrls:0"] = _channel.BaseUrl;
        // The admin API is on, over a writable copy of the seeds, so that its endpoints are fuzzed too.
        _bot.Settings["Admin:ApiKey"] = AdminKey;
        _bot.Settings["Corpus:Path"] = _corpus.Path;
        _address = _bot.StartKestrel();
        _http = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _bot.Dispose();
        _corpus.Dispose();
        await _channel.DisposeAsync();
    }

    [Fact]
    public async Task MutatedRequestsToEveryEndpoint_GetNo5xx_AndTheServiceStillAnswers()
    {
        var session = await DirectLineClient.StartAsync(_http);
        var other = await DirectLineClient.StartAsync(_http);
        var start = (await (await _http.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var answer = await (await _http.PostAsJsonAsync("/api/ask", new { question = "من هو قائد عمليات محافظة نينوى؟" })).Content.ReadFromJsonAsync<JsonElement>();
        var material = new FuzzMaterial
        {
            Token = session.Token, OtherToken = other.Token, StartToken = start, ConversationId = session.ConversationId, UserId = session.UserId,
            PassageId = answer.GetProperty("citations")[0].GetProperty("passageId").GetString()!, ServiceUrl = _channel.BaseUrl, AdminKey = AdminKey,
        };

        // Every case is drawn from the seed before any is sent, so the set does not depend on timing.
        var cases = new FuzzCases(new JsonMutator(new Random(Seed)), material);
        var all = Enumerable.Range(0, HttpCases).Select(_ => cases.Next()).Concat(Enumerable.Range(0, RawCases).Select(_ => cases.NextRaw())).ToList();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<int?>();
        await System.Threading.Tasks.Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (fuzz, _) =>
        {
            try
            {
                var status = await SendAsync(fuzz);
                statuses.Add(status);
                if (status is null ? !fuzz.EndsInput : status >= 500) failures.Add($"{status?.ToString() ?? "no response"}: {fuzz.Description}");
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{e.Message}: {fuzz.Description}"); // a response cut off midway, or a connection reset
            }
        });

        foreach (var group in statuses.GroupBy(s => s).OrderBy(g => g.Key)) output.WriteLine($"{group.Key?.ToString() ?? "no response"}: {group.Count()}");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {all.Count} cases failed:\n{string.Join('\n', failures.Take(20))}");
        // The cases reach past the first check: a good share are answered, not all refused.
        Assert.True(statuses.Count(s => s is >= 200 and < 300) > all.Count / 5, "too few cases were accepted to test anything behind validation");

        var health = await _http.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("ready", health.GetProperty("status").GetString());
        var after = await (await _http.PostAsJsonAsync("/api/ask", new { question = "كم رفع الناتو عدد جنوده في العراق؟" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("4000", after.GetProperty("answer").GetString());
        var chat = await DirectLineClient.StartAsync(_http);
        Assert.True((await chat.PostAsync("Who commands the French forces in the Middle East?")).IsSuccessStatusCode);
        Assert.True(await Eventually.HoldsAsync(async () => (await chat.ReadAllAsync()).Activities.Any(a => a.GetProperty("text").GetString()!.Contains("إيمانويل سلارس", StringComparison.Ordinal))));
    }

    private async Task<int?> SendAsync(FuzzCase fuzz)
    {
        if (fuzz.Raw is { } raw) return await RawHttp.SendAsync(_address, raw, fuzz.EndsInput);
        using var response = await _http.SendAsync(fuzz.Request!(), HttpCompletionOption.ResponseContentRead);
        return (int)response.StatusCode;
    }
}
