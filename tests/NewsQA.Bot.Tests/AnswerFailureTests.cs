using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Answering.Generators;
using static NewsQA.Bot.Tests.StreamParts;

namespace NewsQA.Bot.Tests;

/// <summary>
/// An answer that fails unexpectedly is logged and the user gets an apology in its place, on every channel; in a
/// stream already under way the apology is the stream's final message (the event stream's answer, before done), so no
/// draft is left frozen on screen.
/// </summary>
public sealed class AnswerFailureTests : IAsyncLifetime
{
    private const string Question = "من هو المتحدث باسم الحشد الشعبي؟";
    private const string Apology = "Sorry, something went wrong while answering.";

    private ChannelServer _channel = null!;

    public async Task InitializeAsync() => _channel = await ChannelServer.StartAsync();

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    private static BotFactory Bot(bool streams) =>
        new() { TestServices = services => services.AddSingleton<IAnswerGenerator>(new BrokenAnswerGenerator(streams)) };

    private object TeamsMessage(string conversationType, string? deliveryMode = null) => new
    {
        type = "message", id = ActivityIds.Next(), channelId = "msteams", serviceUrl = _channel.BaseUrl, text = Question, deliveryMode,
        from = new { id = "29:user" }, recipient = new { id = "28:bot" }, conversation = new { id = $"a:{conversationType}", conversationType },
    };

    [Fact]
    public async Task Teams_GetsTypingThenTheApology_AndTheFailureIsLogged()
    {
        using var bot = Bot(streams: false);
        (await bot.CreateClient().PostAsJsonAsync("/api/messages", TeamsMessage("groupChat"))).EnsureSuccessStatusCode();

        var received = (await _channel.WaitUntilAsync(a => a.GetProperty("type").GetString() == "message")).Select(r => r.Body).ToList();
        Assert.Equal(["typing", "message"], received.Select(a => a.GetProperty("type").GetString()));
        Assert.StartsWith(Apology, received[1].GetProperty("text").GetString());
        Assert.True(await bot.Logs.WaitForAsync("Answering an activity failed"));
    }

    [Fact]
    public async Task ATeamsStreamUnderWay_EndsWithTheApologyAsItsFinalMessage()
    {
        using var bot = Bot(streams: true);
        bot.Settings["Bot:TeamsStreamIntervalMilliseconds"] = "0";
        (await bot.CreateClient().PostAsJsonAsync("/api/messages", TeamsMessage("personal"))).EnsureSuccessStatusCode();

        var received = (await _channel.WaitUntilAsync(a => a.GetProperty("type").GetString() == "message")).Select(r => r.Body).ToList();
        var informative = received.Single(a => StreamInfo(a)?.GetProperty("streamType").GetString() == "informative");
        var streamId = _channel.Returned[received.IndexOf(informative)].Id;
        var final = received[^1];
        Assert.StartsWith(Apology, final.GetProperty("text").GetString());
        Assert.Equal("final", StreamInfo(final)!.Value.GetProperty("streamType").GetString());
        Assert.Equal(streamId, StreamInfo(final)!.Value.GetProperty("streamId").GetString());
    }

    [Fact]
    public async Task ExpectReplies_GetsTheApologyInTheResponse_NotAnError()
    {
        using var bot = Bot(streams: false);
        var response = await bot.CreateClient().PostAsJsonAsync("/api/messages", TeamsMessage("personal", "expectReplies"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activities = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities");
        Assert.StartsWith(Apology, Assert.Single(activities.EnumerateArray()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task WebChat_AStreamUnderWay_EndsWithTheApology_AndTheHistoryKeepsIt()
    {
        using var bot = Bot(streams: true);
        bot.Settings["Bot:WebChatStreamIntervalMilliseconds"] = "0";
        var chat = await DirectLineClient.StartAsync(bot.CreateClient());
        (await chat.PostAsync(Question)).EnsureSuccessStatusCode();

        List<JsonElement> history = [];
        Assert.True(await Eventually.HoldsAsync(async () => (history = (await chat.ReadAllAsync()).Activities).Any(a => a.GetProperty("text").GetString()!.StartsWith(Apology, StringComparison.Ordinal))));
        var apology = history.Last();
        Assert.StartsWith(Apology, apology.GetProperty("text").GetString());
        Assert.Equal("final", apology.GetProperty("channelData").GetProperty("streamType").GetString());
        Assert.DoesNotContain(history, a => a.GetProperty("text").GetString() == BrokenAnswerGenerator.Partial);
    }

    [Fact]
    public async Task TheEventStream_EndsWithTheApologyAsItsAnswer_ThenDone()
    {
        using var bot = Bot(streams: true);

        var body = await (await bot.CreateClient().PostAsJsonAsync("/api/ask/stream", new { question = Question })).Content.ReadAsStringAsync();

        Assert.Null(Fuzz.ServerSentEvents.Problem(body));
        var events = Fuzz.ServerSentEvents.Parse(body);
        Assert.Equal(BrokenAnswerGenerator.Partial, events.Single(e => e.Name == "delta").Data.GetProperty("text").GetString());
        Assert.StartsWith(Apology, events[^2].Data.GetProperty("answer").GetString());
        Assert.True(await bot.Logs.WaitForAsync("Answering an event stream failed"));
    }
}
