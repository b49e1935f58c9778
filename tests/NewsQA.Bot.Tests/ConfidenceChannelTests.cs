using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsQA.Bot.Tests;

/// <summary>
/// Every channel shows the three confidence levels: the REST answer's `confidence`, and Teams' and Web Chat's activity
/// text (the closest passage introduced as such) with `channelData.confidence`. The level is forced by settings so that
/// the channels, not the calibration, are tested.
/// </summary>
public sealed class ConfidenceChannelTests : IAsyncLifetime
{
    private const string ArabicLead = "قد لا تجيب المقالات عن هذا السؤال بالضبط";
    private ChannelServer _channel = null!;

    public async Task InitializeAsync() => _channel = await ChannelServer.StartAsync();

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    private BotFactory Bot(string minAnswered)
    {
        var factory = new BotFactory();
        factory.Settings["Answering:MinAnswered"] = minAnswered;
        factory.Settings["BotFramework:ChannelOpenIdMetadata"] = _channel.BaseUrl + "openid";
        factory.Settings["BotFramework:TokenEndpoint"] = _channel.BaseUrl + "token/{0}/oauth2/v2.0/token";
        return factory;
    }

    [Theory]
    [InlineData("0", "كم رفع الناتو عدد جنوده في العراق؟", "answered")]
    [InlineData("1", "كم رفع الناتو عدد جنوده في العراق؟", "closest")]
    [InlineData("1", "How many soldiers did NATO's mission in Iraq grow to under Jens Stoltenberg?", "closest")]
    [InlineData("0", "What is the capital of Japan?", "none")]
    public async Task Rest_CarriesTheLevel(string minAnswered, string question, string level)
    {
        using var bot = Bot(minAnswered);
        var answer = await (await bot.CreateClient().PostAsJsonAsync("/api/ask", new { question })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(level, answer.GetProperty("confidence").GetString());
        if (level == "closest") Assert.False(answer.TryGetProperty("shortAnswer", out _));
    }

    [Fact]
    public async Task Teams_ShowsTheClosestPassageAsSuch_AndCarriesTheLevel()
    {
        using var bot = Bot("1");
        var activity = new
        {
            type = "message", id = "1700000000002", channelId = "msteams", serviceUrl = _channel.BaseUrl, text = "كم رفع الناتو عدد جنوده في العراق؟", locale = "ar-SA",
            from = new { id = "29:user-aad", name = "Layla" },
            recipient = new { id = "28:" + ChannelServer.AppId, name = "NewsQA" },
            conversation = new { id = "a:2Xy;messageid=1700000000002", conversationType = "personal", tenantId = "tenant-1" },
        };
        await bot.CreateClient().PostAsJsonAsync("/api/messages", activity);

        var reply = (await _channel.WaitForAsync(2))[1].Body;
        Assert.StartsWith(ArabicLead, reply.GetProperty("text").GetString());
        Assert.DoesNotContain("**", reply.GetProperty("text").GetString());
        Assert.Equal("closest", reply.GetProperty("channelData").GetProperty("confidence").GetString());
    }

    [Fact]
    public async Task WebChat_ShowsTheRefusalAndTheClosestPassage_WithTheirLevels()
    {
        using var bot = Bot("1");
        var client = bot.CreateClient();
        var issued = await (await client.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonElement>();
        var token = issued.GetProperty("token").GetString()!;
        var userId = issued.GetProperty("userId").GetString()!;
        var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { user = new { id = userId } }) };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = await (await client.SendAsync(start)).Content.ReadFromJsonAsync<JsonElement>();
        var conversationId = started.GetProperty("conversationId").GetString()!;
        token = started.GetProperty("token").GetString()!;

        async Task<JsonElement> AskAsync(string text)
        {
            var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
            {
                Content = JsonContent.Create(new { type = "message", text, channelId = "webchat", from = new { id = userId, role = "user" } }),
            };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var id = (await (await client.SendAsync(post)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            JsonElement reply = default;
            await Eventually.HoldsAsync(async () =>
            {
                var poll = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
                poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var set = await (await client.SendAsync(poll)).Content.ReadFromJsonAsync<JsonElement>();
                var found = set.GetProperty("activities").EnumerateArray().Where(a => a.TryGetProperty("replyToId", out var r) && r.GetString() == id
                    && a.TryGetProperty("channelData", out var d) && d.TryGetProperty("confidence", out _)).ToList();
                if (found.Count > 0) reply = found[^1];
                return found.Count > 0;
            });
            return reply;
        }

        var closest = await AskAsync("كم رفع الناتو عدد جنوده في العراق؟");
        Assert.StartsWith(ArabicLead, closest.GetProperty("text").GetString());
        Assert.Equal("closest", closest.GetProperty("channelData").GetProperty("confidence").GetString());

        var none = await AskAsync("What is the capital of Japan?");
        Assert.Equal("I couldn't find this in the articles.", none.GetProperty("text").GetString());
        Assert.Equal("none", none.GetProperty("channelData").GetProperty("confidence").GetString());
    }
}
