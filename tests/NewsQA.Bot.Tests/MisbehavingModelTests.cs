using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsQA.Bot.Tests.Fuzz;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests;

/// <summary>
/// A model that misbehaves the ways an independent probe of the bot found (issue 25, finding 6): malformed server-sent
/// events, a chunk cut mid-stream and truncated JSON are provider failures, answered offline with a 200 and an event
/// stream that ends with answer and done, and a web chat stream that ends with the answer; a model that trickles or
/// stalls holds an answer for one deadline in all (AI:TimeoutSeconds), not one per prompt nor until its stream ends; a
/// reply past AI:MaxAnswerChars is read no further and cut.
/// </summary>
public sealed class MisbehavingModelTests : IAsyncLifetime
{
    private const string Question = "من هو المتحدث باسم الحشد الشعبي؟";
    private const string Answer = "كريم النوري";

    private LoopbackModelServer _model = null!;
    private BotFactory _bot = null!;

    public static TheoryData<string> BrokenReplies => ["malformed events", "cut chunk", "truncated JSON"];

    public async Task InitializeAsync()
    {
        _model = await LoopbackModelServer.StartAsync();
        _model.Reply = r => r.IsAnswer ? ["المتحدث باسم الحشد الشعبي ", "هو كريم النوري ", $"[{r.PassageContaining(Answer)}]", "."] : ["NOT_FOUND"];
        _bot = new BotFactory().WithModel(_model);
        _bot.Settings["Bot:WebChatStreamIntervalMilliseconds"] = "0";
    }

    public async Task DisposeAsync()
    {
        _bot.Dispose();
        await _model.DisposeAsync();
    }

    private static ModelMisbehaviour Broken(string name) => name switch
    {
        "malformed events" => ModelMisbehaviour.MalformedEvents(),
        "cut chunk" => ModelMisbehaviour.CutChunk(),
        _ => ModelMisbehaviour.TruncatedJson(),
    };

    [Theory]
    [MemberData(nameof(BrokenReplies))]
    public async Task ABrokenReply_IsAProviderFailure_AskAnswersOffline_NotWithA500(string broken)
    {
        var misbehaviour = Broken(broken);
        _model.Misbehave = _ => misbehaviour;

        var response = await _bot.CreateClient().PostAsJsonAsync("/api/ask", new { question = Question });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("local", answer.GetProperty("mode").GetString());
        Assert.Contains(Answer, answer.GetProperty("answer").GetString());
        Assert.Contains(_model.Requests, r => r.IsAnswer);
        Assert.True(await _bot.Logs.WaitForAsync("The language model failed"));
    }

    [Theory]
    [MemberData(nameof(BrokenReplies))]
    public async Task ABrokenReply_EndsTheEventStreamWithTheOfflineAnswerAndDone(string broken)
    {
        var misbehaviour = Broken(broken);
        _model.Misbehave = _ => misbehaviour;

        var body = await (await _bot.CreateClient().PostAsJsonAsync("/api/ask/stream", new { question = Question })).Content.ReadAsStringAsync();

        Assert.Null(ServerSentEvents.Problem(body));
        var answer = ServerSentEvents.Parse(body)[^2].Data;
        Assert.Equal("local", answer.GetProperty("mode").GetString());
        Assert.Contains(Answer, answer.GetProperty("answer").GetString());
    }

    [Theory]
    [MemberData(nameof(BrokenReplies))]
    public async Task ABrokenReply_EndsTheWebChatStreamWithTheOfflineAnswer_NotAnApology(string broken)
    {
        var misbehaviour = Broken(broken);
        _model.Misbehave = _ => misbehaviour;
        var chat = await DirectLineClient.StartAsync(_bot.CreateClient());

        (await chat.PostAsync(Question)).EnsureSuccessStatusCode();

        static bool IsFinal(JsonElement a) => a.TryGetProperty("channelData", out var d) && d.TryGetProperty("streamType", out var t) && t.GetString() == "final";
        List<JsonElement> history = [];
        Assert.True(await Eventually.HoldsAsync(async () => (history = (await chat.ReadAllAsync()).Activities).Any(IsFinal)));
        var final = history.Single(IsFinal).GetProperty("text").GetString();
        Assert.Contains(Answer, final);
        Assert.DoesNotContain("Sorry", final);
    }

    [Theory]
    [MemberData(nameof(BrokenReplies))]
    public async Task ABrokenReply_EndsTheTeamsStreamWithTheOfflineAnswerAsItsFinalMessage(string broken)
    {
        var misbehaviour = Broken(broken);
        _model.Misbehave = _ => misbehaviour;
        await using var channel = await ChannelServer.StartAsync();
        _bot.Settings["Bot:TeamsStreamIntervalMilliseconds"] = "0";
        var message = new
        {
            type = "message", id = ActivityIds.Next(), channelId = "msteams", serviceUrl = channel.BaseUrl, text = Question,
            from = new { id = "29:user" }, recipient = new { id = "28:bot" }, conversation = new { id = "a:personal", conversationType = "personal" },
        };

        (await _bot.CreateClient().PostAsJsonAsync("/api/messages", message)).EnsureSuccessStatusCode();

        var received = (await channel.WaitUntilAsync(a => a.GetProperty("type").GetString() == "message")).Select(r => r.Body).ToList();
        var final = received[^1];
        Assert.Equal("final", StreamParts.StreamInfo(final)!.Value.GetProperty("streamType").GetString());
        Assert.Contains(Answer, final.GetProperty("text").GetString());
        Assert.DoesNotContain("Sorry", final.GetProperty("text").GetString());
    }

    [Fact]
    public async Task AModelThatTrickles_IsCutOffAtTheAnswersDeadline_AndTheStreamEndsWithTheOfflineAnswer()
    {
        // A piece a second for a minute: each read is quick, so only a deadline over the whole answer ends it.
        _bot.Settings["AI:TimeoutSeconds"] = "2";
        var trickle = ModelMisbehaviour.Trickle(TimeSpan.FromSeconds(1));
        _model.Reply = _ => [.. Enumerable.Repeat("المتحدث ", 60)];
        _model.Misbehave = _ => trickle;

        var body = await (await _bot.CreateClient().PostAsJsonAsync("/api/ask/stream", new { question = Question })).Content.ReadAsStringAsync();

        Assert.Null(ServerSentEvents.Problem(body));
        Assert.Equal("local", ServerSentEvents.Parse(body)[^2].Data.GetProperty("mode").GetString());
        Assert.Equal(0, trickle.Completed); // the answer came before the model's minute of trickling ended
        Assert.Single(_model.Requests); // and no second attempt was started past the deadline
    }

    [Fact]
    public async Task AModelThatStallsBeforeItsHeaders_CostsOneDeadlineForTheWholeAnswer_NotOnePerPrompt()
    {
        // An English question over Arabic articles: the model is asked to translate it, then to answer. The translation
        // stalls through the whole deadline, so the answer prompt is never started.
        // The deadline counts from the start of the answer: a first question loads the lexicon beforehand.
        _bot.Settings["AI:TimeoutSeconds"] = "2";
        var client = _bot.CreateClient();
        (await client.PostAsJsonAsync("/api/ask", new { question = "Who commands the French forces in the Middle East?" })).EnsureSuccessStatusCode();
        _model.Requests.Clear();
        _model.Misbehave = _ => ModelMisbehaviour.StallBeforeHeaders(TimeSpan.FromMinutes(1));

        var response = await client.PostAsJsonAsync("/api/ask", new { question = "Who is the spokesman of the Popular Mobilization Forces?" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mode").GetString());
        Assert.True(_model.Requests.Any(r => r.IsTranslation), string.Join(" | ", _model.Requests.Select(r => r.SystemMessage)));
        Assert.DoesNotContain(_model.Requests, r => r.IsAnswer);
    }

    [Fact]
    public async Task AHugeReply_IsReadOnlyUpToMaxAnswerChars_CutAtASentence_AndSaysSo()
    {
        _bot.Settings["AI:MaxAnswerChars"] = "2000";
        // Two million characters of a grounded sentence, repeated.
        _model.Reply = r => r.IsAnswer ? [.. Enumerable.Repeat($"المتحدث باسم الحشد الشعبي هو كريم النوري [{r.PassageContaining(Answer)}]. ", 40_000)] : ["NOT_FOUND"];

        var response = await _bot.CreateClient().PostAsJsonAsync("/api/ask", new { question = Question });

        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var text = answer.GetProperty("answer").GetString()!;
        Assert.Equal("llm", answer.GetProperty("mode").GetString());
        Assert.True(text.Length <= 2000 + 100, $"{text.Length} characters");
        Assert.EndsWith("[1].\n\n(اختُصرت الإجابة: كتب النموذج أكثر مما يُعرض.)", text);
    }
}
