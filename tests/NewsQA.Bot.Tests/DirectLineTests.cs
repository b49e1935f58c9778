using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace NewsQA.Bot.Tests;

/// <summary>The Direct Line flow the way botframework-directlinejs drives it: token, start, post, poll, stream, refresh.</summary>
public class DirectLineTests(BotFactory factory) : IClassFixture<BotFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(string Token, string ConversationId, string UserId)> StartAsync()
    {
        var issued = await (await _client.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonElement>();
        var token = issued.GetProperty("token").GetString()!;
        var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { user = new { id = issued.GetProperty("userId").GetString() } }) };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = await _client.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("ws://", body.GetProperty("streamUrl").GetString());
        return (body.GetProperty("token").GetString()!, body.GetProperty("conversationId").GetString()!, issued.GetProperty("userId").GetString()!);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await _client.SendAsync(request);
    }

    private static object UserMessage(string userId, string text, string clientActivityId) => new
    {
        type = "message", text, locale = "ar-SA", channelId = "webchat",
        from = new { id = userId, role = "user" },
        channelData = new { clientActivityID = clientActivityId },
    };

    private async Task<List<JsonElement>> PollUntilAsync(string conversationId, string token, Func<List<JsonElement>, bool> done)
    {
        var all = new List<JsonElement>();
        var watermark = string.Empty;
        await Eventually.HoldsAsync(async () =>
        {
            var set = await (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token)).Content.ReadFromJsonAsync<JsonElement>();
            all.AddRange(set.GetProperty("activities").EnumerateArray());
            watermark = set.GetProperty("watermark").GetString()!;
            return done(all);
        });

        return all;
    }

    [Theory]
    [InlineData("?watermark=", null)] // botframework-directlinejs before it has a watermark: a refreshed page
    [InlineData("?watermark=7", "7")]
    [InlineData("", null)]
    public async Task Reconnect_WithOrWithoutAWatermark_GivesAStreamUrlFromThere(string query, string? expected)
    {
        var (token, conversationId, _) = await StartAsync();
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}{query}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var streamUrl = new Uri((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!);
        var watermark = System.Web.HttpUtility.ParseQueryString(streamUrl.Query)["watermark"];
        Assert.Equal(expected, watermark);
    }

    [Fact]
    public async Task Post_EchoesTheUserActivity_ThenTheAnswerArrives_WithItsCitationEntity()
    {
        var (token, conversationId, userId) = await StartAsync();
        var posted = await (await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token,
            UserMessage(userId, "كم رفع الناتو عدد جنوده في العراق؟", "client-1"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = posted.GetProperty("id").GetString();
        Assert.StartsWith(conversationId + "|", id);

        var activities = await PollUntilAsync(conversationId, token, all => all.Any(a => a.GetProperty("from").GetProperty("id").GetString() == "newsqa" && a.TryGetProperty("entities", out _)));
        Assert.Contains(activities, a => a.GetProperty("text").GetString()!.StartsWith("مرحبا", StringComparison.Ordinal)); // the welcome
        var echo = activities.Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal("client-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());

        var answer = activities.Last();
        Assert.Contains("4000", answer.GetProperty("text").GetString());
        Assert.StartsWith("**4000 فرد** [1]\n", answer.GetProperty("text").GetString()); // the short answer leads
        Assert.Contains("[1]: cite:1", answer.GetProperty("text").GetString()); // Web Chat's reference definitions
        Assert.Equal(id, answer.GetProperty("replyToId").GetString());
        Assert.Equal("default", answer.GetProperty("channelData").GetProperty("feedbackLoop").GetProperty("type").GetString());
        var entity = Assert.Single(answer.GetProperty("entities").EnumerateArray());
        Assert.Equal("https://schema.org/Message", entity.GetProperty("type").GetString());
        Assert.Equal("AIGeneratedContent", entity.GetProperty("additionalType")[0].GetString());
        var claim = entity.GetProperty("citation")[0];
        Assert.Equal(1, claim.GetProperty("position").GetInt32());
        var appearance = claim.GetProperty("appearance");
        Assert.Contains("4000", appearance.GetProperty("text").GetString()); // the whole cited paragraph, for the dialog
        Assert.Contains("**", appearance.GetProperty("text").GetString());   // with the cited sentence marked
        Assert.True(appearance.GetProperty("name").GetString()!.Length <= 80);
        Assert.True(appearance.GetProperty("abstract").GetString()!.Length <= 160);
        Assert.DoesNotContain(activities, a => a.GetProperty("type").GetString() == "typing"); // typing is for streams only
    }

    [Fact]
    public async Task Stream_DeliversTheEchoAndTheAnswer_OverAWebSocket()
    {
        var (token, conversationId, userId) = await StartAsync();
        var info = await (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}", token)).Content.ReadFromJsonAsync<JsonElement>();
        var streamUrl = new Uri(info.GetProperty("streamUrl").GetString()!);
        var ws = factory.Server.CreateWebSocketClient();
        using var socket = await ws.ConnectAsync(new Uri(factory.Server.BaseAddress, streamUrl.PathAndQuery.Replace("http", "ws", StringComparison.Ordinal)), CancellationToken.None);

        await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, UserMessage(userId, "Who commands the French forces in the Middle East?", "c-2"));
        var frames = new List<JsonElement>();
        var buffer = new byte[1 << 20];
        using var timeout = new CancellationTokenSource(Eventually.Patience);
        while (!frames.Any(f => f.GetProperty("activities")[0].TryGetProperty("entities", out _)))
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            frames.Add(JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count)).RootElement.Clone());
        }

        var types = frames.Select(f => f.GetProperty("activities")[0].GetProperty("type").GetString()).ToList();
        Assert.Equal(["message", "message", "typing", "message"], types); // welcome (replayed), echo, typing, answer
        Assert.StartsWith("مرحبا", frames[0].GetProperty("activities")[0].GetProperty("text").GetString());
        Assert.Contains("إيمانويل سلارس", frames[^1].GetProperty("activities")[0].GetProperty("text").GetString());
        // Stored activities carry the watermark after them; the typing indicator is live, with no place in the history.
        Assert.All(frames.Where(f => f.GetProperty("activities")[0].GetProperty("type").GetString() != "typing"), f => Assert.False(string.IsNullOrEmpty(f.GetProperty("watermark").GetString())));
        Assert.False(frames[2].TryGetProperty("watermark", out _));
    }

    [Fact]
    public async Task Token_NeverOpensAnotherConversation()
    {
        var (tokenA, conversationA, _) = await StartAsync();
        var (tokenB, conversationB, userB) = await StartAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationA}/activities", tokenB)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationA}/activities", tokenB, UserMessage(userB, "hi", "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationA}", tokenB)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationB}/activities", tokenB)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationA}/activities", tokenA)).StatusCode);
    }

    [Fact]
    public async Task ForgedExpiredOrMissingTokens_AreRefused()
    {
        var (token, conversationId, _) = await StartAsync();
        var parts = token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", forged)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync($"/v3/directline/conversations/{conversationId}/activities")).StatusCode);

        using var expiring = new BotFactory();
        expiring.Settings["DirectLine:TokenLifetimeMinutes"] = "1";
        var client = expiring.CreateClient();
        var issued = await (await client.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(60, issued.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Refresh_GivesANewTokenForTheSameConversation()
    {
        var (token, conversationId, _) = await StartAsync();
        var refreshed = await (await SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(conversationId, refreshed.GetProperty("conversationId").GetString());
        var newToken = refreshed.GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", newToken)).StatusCode);
    }

    [Fact]
    public async Task BadActivities_Get400_AndUnknownConversations404()
    {
        var (token, conversationId, _) = await StartAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, new { text = "no type" })).StatusCode);
        var malformed = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities") { Content = new StringContent("{", Encoding.UTF8, "application/json") };
        malformed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.SendAsync(malformed)).StatusCode);
    }

    [Fact]
    public async Task Page_LoadsTheBundledWebChat()
    {
        var page = await _client.GetStringAsync("/");
        Assert.Contains("lib/botframework-webchat/webchat.js", page);
        var bundle = await _client.GetAsync("/lib/botframework-webchat/webchat.js");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True((await bundle.Content.ReadAsByteArrayAsync()).Length > 1_000_000);
    }
}
