using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Bot.Conversation;

namespace NewsQA.Bot.Tests;

/// <summary>/api/messages: Teams-shaped activities, replies at the serviceUrl, citations, feedback and JWT validation.</summary>
public sealed class BotFrameworkTests : IAsyncLifetime
{
    private ChannelServer _channel = null!;

    public async Task InitializeAsync() => _channel = await ChannelServer.StartAsync();

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    private BotFactory Bot(bool authenticated)
    {
        var factory = new BotFactory();
        if (authenticated)
        {
            factory.Settings["MicrosoftAppId"] = ChannelServer.AppId;
            factory.Settings["MicrosoftAppPassword"] = "secret";
            factory.Settings["MicrosoftAppTenantId"] = "tenant-1";
        }

        factory.Settings["BotFramework:ChannelOpenIdMetadata"] = _channel.BaseUrl + "openid";
        factory.Settings["BotFramework:TokenEndpoint"] = _channel.BaseUrl + "token/{0}/oauth2/v2.0/token";
        return factory;
    }

    private object TeamsMessage(string text, string? serviceUrl = null, string channelId = "msteams", object[]? entities = null, string? deliveryMode = null, string? id = null) => new
    {
        type = "message", id = id ?? ActivityIds.Next(), channelId, serviceUrl = serviceUrl ?? _channel.BaseUrl, text, locale = "ar-SA", deliveryMode,
        from = new { id = "29:user-aad", name = "Layla" },
        recipient = new { id = "28:" + ChannelServer.AppId, name = "NewsQA" },
        conversation = new { id = "a:1Xy;messageid=1700000000001", conversationType = "personal", tenantId = "tenant-1" },
        entities,
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, object activity, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task TeamsMessage_WithoutAppId_IsAnsweredAtTheServiceUrl_WithCitationsAndAILabel()
    {
        using var bot = Bot(authenticated: false);
        var response = await PostAsync(bot.CreateClient(), TeamsMessage("كم رفع الناتو عدد جنوده في العراق؟", id: "1700000000001"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var received = await _channel.WaitForAsync(2);
        Assert.Equal("typing", received[0].Body.GetProperty("type").GetString());
        var (path, authorization, reply) = received[1];
        Assert.Equal("/v3/conversations/a%3A1Xy%3Bmessageid%3D1700000000001/activities/1700000000001", path);
        Assert.Null(authorization); // no app id: no token on replies
        Assert.Contains("4000", reply.GetProperty("text").GetString());
        Assert.StartsWith("**4000 فرد** [1]\n", reply.GetProperty("text").GetString()); // the short answer leads
        Assert.DoesNotContain("cite:", reply.GetProperty("text").GetString()); // Teams gets bare [n] markers
        var entity = Assert.Single(reply.GetProperty("entities").EnumerateArray());
        Assert.Equal("AIGeneratedContent", entity.GetProperty("additionalType")[0].GetString());
        var appearance = entity.GetProperty("citation")[0].GetProperty("appearance");
        Assert.Equal("application/vnd.microsoft.card.adaptive", appearance.GetProperty("encodingFormat").GetString());
        Assert.Equal("AdaptiveCard", JsonDocument.Parse(appearance.GetProperty("text").GetString()!).RootElement.GetProperty("type").GetString());
        Assert.Contains("/sources/", appearance.GetProperty("url").GetString());
        Assert.Equal("default", reply.GetProperty("channelData").GetProperty("feedbackLoop").GetProperty("type").GetString());
        Assert.Equal("29:user-aad", reply.GetProperty("recipient").GetProperty("id").GetString());
        Assert.NotEmpty(reply.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray());
    }

    [Fact]
    public async Task ARetriedDelivery_OfTheSameActivity_IsAnsweredOnce()
    {
        using var bot = Bot(authenticated: false);
        var client = bot.CreateClient();
        var activity = TeamsMessage("من هو المتحدث باسم الحشد الشعبي؟", id: ActivityIds.Next());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, activity)).StatusCode);
        await bot.Services.GetRequiredService<TurnQueue>().WhenIdleAsync(CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, activity)).StatusCode); // the channel did not see the 200 and retries
        await bot.Services.GetRequiredService<TurnQueue>().WhenIdleAsync(CancellationToken.None);

        Assert.Equal(["typing", "message"], _channel.Received.Select(r => r.Body.GetProperty("type").GetString()));
        await PostAsync(client, TeamsMessage("من هو المتحدث باسم الحشد الشعبي؟")); // a new activity is answered
        Assert.Equal(4, (await _channel.WaitForAsync(4)).Count);
    }

    [Fact]
    public async Task MentionOnly_GetsTheWelcome_AndMentionsAreStrippedFromQuestions()
    {
        using var bot = Bot(authenticated: false);
        var mention = new { type = "mention", text = "<at>NewsQA</at>", mentioned = new { id = "28:" + ChannelServer.AppId, name = "NewsQA" } };
        await PostAsync(bot.CreateClient(), TeamsMessage("<at>NewsQA</at>", entities: [mention]));
        var welcome = (await _channel.WaitForAsync(1))[0].Body;
        Assert.StartsWith("مرحبا", welcome.GetProperty("text").GetString());
        Assert.Equal(2, welcome.GetProperty("suggestedActions").GetProperty("actions").GetArrayLength());

        _channel.Received.Clear();
        await PostAsync(bot.CreateClient(), TeamsMessage("<at>NewsQA</at> من هو قائد عمليات محافظة نينوى؟", entities: [mention]));
        Assert.Contains("الجبوري", (await _channel.WaitForAsync(2))[1].Body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task ExpectReplies_ReturnsTheRepliesInTheResponse()
    {
        using var bot = Bot(authenticated: false);
        var response = await PostAsync(bot.CreateClient(), TeamsMessage("من هو المتحدث باسم الحشد الشعبي؟", deliveryMode: "expectReplies"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("كريم النوري", body.GetProperty("activities")[0].GetProperty("text").GetString());
        await bot.Services.GetRequiredService<TurnQueue>().WhenIdleAsync(CancellationToken.None);
        Assert.Empty(_channel.Received); // not also sent through the connector
    }

    [Fact]
    public async Task FeedbackInvoke_IsStored_WithTheQuestionAndCitedPassages()
    {
        using var bot = Bot(authenticated: false);
        var client = bot.CreateClient();
        await PostAsync(client, TeamsMessage("كم رفع الناتو عدد جنوده في العراق؟", deliveryMode: "expectReplies"));
        var invoke = new
        {
            type = "invoke", name = "message/submitAction", channelId = "msteams", serviceUrl = _channel.BaseUrl, replyToId = "reply-1",
            from = new { id = "29:user-aad" }, recipient = new { id = "28:bot" }, conversation = new { id = "a:1Xy;messageid=1700000000001" },
            value = new { actionName = "feedback", actionValue = new { reaction = "dislike", feedback = "{\"feedbackText\":\"not precise\"}" } },
        };
        var response = await PostAsync(client, invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = JsonDocument.Parse(File.ReadAllLines(bot.FeedbackPath).Single()).RootElement;
        Assert.Equal("dislike", line.GetProperty("reaction").GetString());
        Assert.Equal("not precise", line.GetProperty("comment").GetString());
        Assert.Equal("كم رفع الناتو عدد جنوده في العراق؟", line.GetProperty("question").GetString());
        Assert.StartsWith("001_d149adc8417d1233:", line.GetProperty("passageIds")[0].GetString());
        Assert.Contains("4000", line.GetProperty("answer").GetString());
        var citation = line.GetProperty("citations")[0];
        Assert.Equal(8, citation.GetProperty("paragraph").GetInt32());
        Assert.Contains("4000", citation.GetProperty("sentence").GetString());
    }

    [Fact]
    public async Task ConversationUpdate_AddingTheBot_GetsTheWelcome_OtherTypesAreIgnored()
    {
        using var bot = Bot(authenticated: false);
        var client = bot.CreateClient();
        var update = new
        {
            type = "conversationUpdate", channelId = "msteams", serviceUrl = _channel.BaseUrl,
            recipient = new { id = "28:bot" }, from = new { id = "29:user" }, conversation = new { id = "conv-2" },
            membersAdded = new[] { new { id = "28:bot" } },
        };
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, update)).StatusCode);
        Assert.StartsWith("مرحبا", (await _channel.WaitForAsync(1))[0].Body.GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, new { type = "messageReaction", channelId = "msteams", conversation = new { id = "c" } })).StatusCode);
    }

    [Fact]
    public async Task WithAppId_AValidChannelToken_IsAnswered_WithAConnectorToken()
    {
        using var bot = Bot(authenticated: true);
        var response = await PostAsync(bot.CreateClient(), TeamsMessage("من هو المتحدث باسم الحشد الشعبي؟"), _channel.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await _channel.WaitForAsync(2);
        Assert.All(received, r => Assert.Equal("Bearer connector-token", r.Authorization));
        Assert.Equal(1, _channel.TokenRequests); // cached for the second reply
    }

    public static TheoryData<string> BadTokens() => ["none", "expired", "audience", "issuer", "signature", "serviceUrl", "endorsement"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task WithAppId_AnInvalidToken_Is401_AndNothingRuns(string problem)
    {
        using var bot = Bot(authenticated: true);
        var activity = TeamsMessage("من هو المتحدث باسم الحشد الشعبي؟", channelId: problem == "endorsement" ? "slack" : "msteams");
        var token = problem switch
        {
            "none" => null,
            "expired" => _channel.Token(expires: DateTime.UtcNow.AddMinutes(-10)),
            "audience" => _channel.Token(audience: "someone-else"),
            "issuer" => _channel.Token(issuer: "https://evil.example"),
            "signature" => _channel.Token(otherKey: true),
            "serviceUrl" => _channel.Token(serviceUrl: "https://other.example/"),
            _ => _channel.Token(),
        };
        var response = await PostAsync(bot.CreateClient(), activity, token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await bot.Services.GetRequiredService<TurnQueue>().WhenIdleAsync(CancellationToken.None);
        Assert.Empty(_channel.Received);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("[]")]
    public async Task MalformedActivities_Get400(string body)
    {
        using var bot = Bot(authenticated: false);
        var response = await bot.CreateClient().PostAsync("/api/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
