using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Feedback;

namespace NewsQA.Bot.Tests.SharedState;

/// <summary>
/// Redis (with AOF) and every bot process killed and started again (issue 21, test 5): the conversations, the web
/// chat's history and the feedback are all still there; while Redis was away, a request that needed it got 503.
/// </summary>
public sealed class SharedStateRestartTests : IAsyncLifetime
{
    private const string Spokesman = "من هو المتحدث باسم الحشد الشعبي؟";
    private readonly TwoProcesses _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    private static object TeamsActivity(string conversationId, string type, string? text = null, object? value = null, string? name = null) => new
    {
        type, name, id = ActivityIds.Next(), channelId = "msteams", serviceUrl = "http://127.0.0.1:9/", text, value, deliveryMode = "expectReplies",
        from = new { id = "29:user" }, recipient = new { id = "28:bot" }, conversation = new { id = conversationId, conversationType = "personal" },
    };

    private static async Task<HttpResponseMessage> DeliverAsync(HttpClient process, object activity)
    {
        var response = await process.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static async Task<string> AnswerAsync(HttpClient process, string conversationId, string text)
    {
        var body = await (await DeliverAsync(process, TeamsActivity(conversationId, "message", text))).Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("activities")[0].GetProperty("text").GetString()!;
    }

    [Fact]
    public async Task RedisAndEveryProcessRestarted_ConversationsWebChatHistoryAndFeedback_AreStillThere()
    {
        var teams = "a:restart-" + Guid.NewGuid().ToString("N");
        Assert.Contains("كريم النوري", await AnswerAsync(_cluster.Clients[0], teams, Spokesman));
        await DeliverAsync(_cluster.Clients[1], TeamsActivity(teams, "invoke", name: "message/submitAction",
            value: new { actionName = "feedback", actionValue = new { reaction = "dislike", feedback = "{\"feedbackText\":\"after the restart\"}" } }));
        var chat = await DirectLineClient.StartAsync(_cluster.Clients[1]);
        await chat.PostAsync("Who commands the French forces in the Middle East?");
        List<JsonElement> before = [];
        Assert.True(await Eventually.HoldsAsync(async () => (before = (await chat.ReadAllAsync()).Activities).Any(a => a.TryGetProperty("entities", out _))));

        // Redis gone (kill -9: only what AOF wrote comes back): requests that need it get 503 with the reason, not a stack trace.
        _cluster.Redis.Kill();
        using (var poll = await chat.PollAsync())
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, poll.StatusCode);
            Assert.Equal("State store unavailable", (await poll.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }

        await _cluster.KillProcessesAsync();
        await _cluster.Redis.RestartAsync();
        await _cluster.StartProcessesAsync();

        // The Teams conversation's follow-up still has its answer's source.
        Assert.Contains("كريم النوري", await AnswerAsync(_cluster.Clients[1], teams, "show 1"));

        // The web chat, with the token it had, reads the same history through another process, and carries on after it.
        var again = chat.Through(_cluster.Clients[0]);
        var after = (await again.ReadAllAsync()).Activities;
        Assert.Equal(before.Select(a => a.GetRawText()), after.Select(a => a.GetRawText()));
        await again.PostAsync("show 1");
        Assert.True(await Eventually.HoldsAsync(async () => (await again.ReadAllAsync()).Activities.Count >= before.Count + 2));

        // The feedback is kept, with the question it was about.
        await using var connection = _cluster.Connection();
        var (records, unreadable) = await new RedisFeedbackStore(connection, Options.Create(new FeedbackOptions()), TimeProvider.System).ReadAllAsync(CancellationToken.None);
        Assert.Equal(0, unreadable);
        var record = Assert.Single(records);
        Assert.Equal(("dislike", "after the restart", Spokesman), (record.Reaction, record.Comment, record.Question));
    }

    private sealed class TwoProcesses : BotCluster
    {
        protected override int Size => 2;
    }
}
