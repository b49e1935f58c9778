using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Bot.DirectLine;
using NewsQA.Testing;
using Xunit.Abstractions;
using static NewsQA.Bot.Tests.StreamParts;

namespace NewsQA.Bot.Tests.Fuzz;

/// <summary>
/// Fixed-seed fuzz runs over a real Kestrel on loopback: mutated bodies, headers, ids, query values and tokens, and raw
/// requests with broken HTTP framing. No case may get a 5xx or a broken answer, no reply may reach a serviceUrl outside
/// the allow-list, and the service must answer a real question and a real web chat afterwards. One run answers
/// offline, over every endpoint; one answers through a model that writes hostile text, over the endpoints whose
/// answers stream. The seeds and the counts are fixed, so a failure reruns exactly.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 15;
    private const int HttpCases = 2500;
    private const int RawCases = 400;
    private const int StreamedCases = 1000;
    private const int StreamedRawCases = 100;
    private const int Parallel = 4;

    private const string AdminKey = "fuzz-admin-key-0123456789";

    private readonly LiveCorpus _corpus = new();
    private ChannelServer _channel = null!;
    private ChannelServer _outside = null!;
    private LoopbackModelServer _model = null!;
    private BotFactory _bot = null!;
    private Uri _address = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _channel = await ChannelServer.StartAsync();
        _outside = await ChannelServer.StartAsync();
        _model = await LoopbackModelServer.StartAsync();
        _model.Reply = HostileModel.Reply;
        _model.Misbehave = HostileModel.Misbehave;
        File.WriteAllText(Path.Combine(_corpus.Path, "jadriya-bridge.txt"), FuzzMaterial.BracketsArticle);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        _bot?.Dispose();
        _corpus.Dispose();
        await _model.DisposeAsync();
        await _outside.DisposeAsync();
        await _channel.DisposeAsync();
    }

    [Fact]
    public async Task MutatedRequestsToEveryEndpoint_GetNo5xx_AndTheServiceStillAnswers()
    {
        var material = await StartAsync(withModel: false);
        var cases = new FuzzCases(new JsonMutator(new Random(Seed)), material);
        await RunAsync([.. Enumerable.Range(0, HttpCases).Select(_ => cases.Next()), .. Enumerable.Range(0, RawCases).Select(_ => cases.NextRaw())]);

        var health = await _http.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("ready", health.GetProperty("status").GetString());
        var after = await (await _http.PostAsJsonAsync("/api/ask", new { question = "كم رفع الناتو عدد جنوده في العراق؟" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("4000", after.GetProperty("answer").GetString());
        var chat = await DirectLineClient.StartAsync(_http);
        Assert.True((await chat.PostAsync("Who commands the French forces in the Middle East?")).IsSuccessStatusCode);
        Assert.True(await Eventually.HoldsAsync(async () => (await chat.ReadAllAsync()).Activities.Any(a => a.GetProperty("text").GetString()!.Contains("إيمانويل سلارس", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task MutatedQuestionsAnsweredByAHostileModel_StreamWithNo5xx_NoInvalidMarker_AndWithinTheAllowList()
    {
        var material = await StartAsync(withModel: true);
        // Transient model failures along the way, retried or answered offline.
        for (var i = 0; i < 10; i++)
        {
            _model.Failures.Enqueue(429);
            _model.Failures.Enqueue(503);
        }

        var cases = new FuzzCases(new JsonMutator(new Random(Seed + 1)), material);
        await RunAsync([.. Enumerable.Range(0, StreamedCases).Select(_ => cases.NextAnswering()), .. Enumerable.Range(0, StreamedRawCases).Select(_ => cases.NextRaw())]);

        // Teams 1:1 answers streamed to the allowed connector, and no update showed a marker the model was not given.
        var updates = _channel.Received.Select(r => r.Body).Where(IsStreamingUpdate).ToList();
        var invalid = _model.Requests.Count(r => r.IsAnswer && string.Concat(HostileModel.Reply(r)).Contains(HostileModel.InvalidMarker, StringComparison.Ordinal));
        output.WriteLine($"{updates.Count} Teams updates; the model wrote {HostileModel.InvalidMarker} in {invalid} answers");
        Assert.NotEmpty(updates);
        Assert.True(invalid > 0, "the model never wrote the invalid marker");
        Assert.DoesNotContain(updates, u => u.GetProperty("text").GetString()!.Contains(HostileModel.InvalidMarker, StringComparison.Ordinal));

        // The web chat's history, after hundreds of concurrent streams in one conversation, holds no superseded update.
        var conversation = ((InMemoryDirectLineStore)_bot.Services.GetRequiredService<IDirectLineStore>()).Find(material.ConversationId)!;
        var stored = conversation.Page(0, int.MaxValue).Activities.Select(a => JsonDocument.Parse(a.Json).RootElement).ToList();
        var parts = stored.Select(a => a.TryGetProperty("channelData", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("streamType", out var type) ? type.GetString() : null).ToList();
        output.WriteLine($"{parts.Count(p => p == "final")} web chat streams ended in a history of {stored.Count} activities");
        Assert.Contains("final", parts);
        Assert.DoesNotContain(parts, p => p is "informative" or "streaming");
        Assert.DoesNotContain(stored, a => a.GetProperty("type").GetString() == "typing");

        // The model's misbehaviours were all met along the way.
        var met = _model.Requests.Select(HostileModel.Misbehave).OfType<ModelMisbehaviour>().Select(m => m.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"model misbehaviours met: {string.Join(", ", met)}");
        Assert.Equal(["cut chunk", "malformed events", "stall before headers", "trickle", "truncated JSON"], met);
        Assert.Contains(_model.Requests, r => r.IsAnswer && r.User.Contains("(3)", StringComparison.Ordinal));

        // And the service still streams a real question: deltas, the cited answer, done.
        _model.Misbehave = _ => null;
        _model.Reply = r => r.IsAnswer ? ["The answer ", "is in ", "the articles ", "[1]", "."] : ["NOT_FOUND"];
        var response = await _http.PostAsJsonAsync("/api/ask/stream", new { question = "Who commands the French forces in the Middle East?" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.Null(ServerSentEvents.Problem(body));
        Assert.Contains(ServerSentEvents.Parse(body), e => e.Name == "delta");
    }

    private async Task<FuzzMaterial> StartAsync(bool withModel)
    {
        _bot = new BotFactory();
        if (withModel)
        {
            _bot.WithModel(_model);
            _bot.Settings["Bot:TeamsStreamIntervalMilliseconds"] = "0";
            _bot.Settings["Bot:WebChatStreamIntervalMilliseconds"] = "0";
            // A trickling or stalled reply costs one deadline; a ramble is cut well before its end.
            _bot.Settings["AI:TimeoutSeconds"] = "3";
            _bot.Settings["AI:MaxAnswerChars"] = "2000";
        }

        // Fuzzed serviceUrls must never reach anything else on this machine: only the test's own channel is allowed,
        // and the bearer tokens some cases carry are checked against its metadata, not the Bot Framework's.
        _bot.Settings["BotFramework:AllowedServiceUrls:0"] = _channel.BaseUrl;
        _bot.Settings["BotFramework:ChannelOpenIdMetadata"] = _channel.BaseUrl + "openid";
        _bot.Settings["BotFramework:EntraOpenIdMetadata"] = _channel.BaseUrl + "openid-entra";
        // The admin API is on, over a writable copy of the seeds, so that its endpoints are fuzzed too.
        _bot.Settings["Admin:ApiKey"] = AdminKey;
        _bot.Settings["Corpus:Path"] = _corpus.Path;
        _address = _bot.StartKestrel();
        _http = new HttpClient { BaseAddress = _address, Timeout = Eventually.Patience };

        var session = await DirectLineClient.StartAsync(_http);
        var other = await DirectLineClient.StartAsync(_http);
        var start = (await (await _http.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var answer = await (await _http.PostAsJsonAsync("/api/ask", new { question = "من هو قائد عمليات محافظة نينوى؟" })).Content.ReadFromJsonAsync<JsonElement>();
        return new FuzzMaterial
        {
            Token = session.Token, OtherToken = other.Token, StartToken = start, ConversationId = session.ConversationId, UserId = session.UserId,
            PassageId = answer.GetProperty("citations")[0].GetProperty("passageId").GetString()!, ServiceUrl = _channel.BaseUrl,
            OutsideServiceUrl = _outside.BaseUrl, AdminKey = AdminKey,
        };
    }

    // Every case is drawn from the seed before any is sent, so the set does not depend on timing.
    private async Task RunAsync(IReadOnlyList<FuzzCase> all)
    {
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentBag<int?>();
        await System.Threading.Tasks.Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (fuzz, _) =>
        {
            try
            {
                var (status, problem) = await SendAsync(fuzz);
                statuses.Add(status);
                if (status is null ? !fuzz.EndsInput : status >= 500) failures.Add($"{status?.ToString() ?? "no response"}: {fuzz.Description}");
                if (problem is not null) failures.Add($"{status}, {problem}: {fuzz.Description}");
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
        Assert.Empty(_outside.Requests); // no reply went to a serviceUrl outside the allow-list
    }

    private async Task<(int? Status, string? Problem)> SendAsync(FuzzCase fuzz)
    {
        if (fuzz.Raw is { } raw) return (await RawHttp.SendAsync(_address, raw, fuzz.EndsInput), null);
        using var response = await _http.SendAsync(fuzz.Request!(), HttpCompletionOption.ResponseContentRead);
        var status = (int)response.StatusCode;
        var problem = fuzz.BodyProblem is { } check && response.IsSuccessStatusCode ? check(await response.Content.ReadAsStringAsync()) : null;
        return (status, problem);
    }
}
