using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NewsQA.Bot.Tests;

/// <summary>Input shaped to break things, each class the probe found: every one gets a 4xx with a reason or a handled reply, never a 5xx.</summary>
public sealed class HostileInputTests(ChannelBotFixture fixture) : IClassFixture<ChannelBotFixture>
{
    private readonly ChannelServer _channel = fixture.Channel;
    private readonly HttpClient _client = fixture.Bot.CreateClient();

    [Theory]
    [InlineData("-5", "3", 400)]
    [InlineData("0", "-3", 400)]
    [InlineData("2147483647", "10", 200)] // start + length overflows an int: no highlight, the paragraph still shown
    [InlineData("10", "2147483647", 200)]
    [InlineData("99999999999", "3", 400)]
    [InlineData("abc", "3", 400)]
    public async Task SourceOffsets_OutOfRange_AreA400OrIgnored_NeverA500(string start, string length, int expected)
    {
        var answer = await (await _client.PostAsJsonAsync("/api/ask", new { question = "من هو قائد عمليات محافظة نينوى؟" })).Content.ReadFromJsonAsync<JsonElement>();
        var passage = Uri.EscapeDataString(answer.GetProperty("citations")[0].GetProperty("passageId").GetString()!);
        var response = await _client.GetAsync($"/sources/{passage}?start={start}&length={length}");
        Assert.Equal(expected, (int)response.StatusCode);
        if (expected == 200) Assert.DoesNotContain("<mark>", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string> HostileActivities() => new()
    {
        { "entities: [null]", """{"entities": [null]}""" },
        { "entity type a number", """{"entities": [{"type": 5}]}""" },
        { "mentioned a string", """{"entities": [{"type": "mention", "mentioned": "x", "text": "<at>NewsQA</at>"}]}""" },
        { "mentioned id a number", """{"entities": [{"type": "mention", "mentioned": {"id": 5}}]}""" },
        { "mention text an object", """{"entities": [{"type": "mention", "text": {}, "mentioned": {"id": "28:bot"}}]}""" },
        { "membersAdded: [null]", """{"type": "conversationUpdate", "membersAdded": [null]}""" },
        { "feedback text a number", """{"type": "invoke", "name": "message/submitAction", "value": {"actionName": "feedback", "actionValue": {"reaction": "like", "feedback": {"feedbackText": 5}}}}""" },
        { "reaction an object", """{"type": "invoke", "name": "message/submitAction", "value": {"actionValue": {"reaction": {}}}}""" },
        { "actionValue a string", """{"type": "invoke", "name": "message/submitAction", "value": {"actionValue": "like"}}""" },
    };

    [Theory]
    [MemberData(nameof(HostileActivities))]
    public async Task HostileActivityShapes_GetA400WithTheField_OnEveryDelivery(string name, string overrides)
    {
        foreach (var expectReplies in new[] { false, true })
        {
            var activity = Merge(TeamsMessage(expectReplies), overrides);
            var response = await _client.PostAsync("/api/messages", new StringContent(activity, Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // The same shapes through Direct Line, from a real conversation.
        var client = await DirectLineClient.StartAsync(_client);
        var posted = await client.SendAsync(HttpMethod.Post, client.Activities, JsonDocument.Parse(Merge("""{"type":"message","text":"hi"}""", overrides)).RootElement);
        Assert.True(posted.StatusCode == HttpStatusCode.BadRequest, $"{name} via Direct Line: {(int)posted.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await client.PollAsync()).StatusCode);
    }

    [Fact]
    public async Task AMessageWithNoConversation_Is400_WhileAWellFormedOne_IsAnswered()
    {
        // A well-formed message whose conversation the connector cannot be told about is refused up front...
        var noConversation = Merge(TeamsMessage(false), """{"conversation": null}""");
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync("/api/messages", new StringContent(noConversation, Encoding.UTF8, "application/json"))).StatusCode);

        // ...and one that is accepted is answered at its serviceUrl.
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/messages", new StringContent(TeamsMessage(false), Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(2, (await _channel.WaitForAsync(2)).Count);
    }

    [Theory]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjV9.c2ln")]
    [InlineData("eyJ9.e30.")]
    [InlineData("....")]
    [InlineData("")]
    public async Task MalformedBearerTokens_OnAnAuthenticatedInstance_Are401(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(TeamsMessage(false), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.AuthenticatedBot.CreateClient().SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("""{"conv":"c","user":"dl_u","exp":99999999999999999,"use":"conversation","session":0}""")]
    [InlineData("""{"conv":"c","user":"dl_u","exp":-99999999999999,"use":"conversation","session":0}""")]
    [InlineData("""{"conv":"c","user":"dl_u","exp":1e300,"use":"conversation","session":0}""")]
    [InlineData("""{"conv":"c","user":"dl_u","exp":"soon","use":"conversation","session":0}""")]
    [InlineData("""{"conv":null,"user":"dl_u","exp":4102444800,"use":"conversation","session":0}""")]
    [InlineData("""{"conv":"c","user":"dl_u","exp":4102444800,"use":"everything","session":0}""")]
    [InlineData("""[1,2]""")]
    public async Task SignedDirectLineTokens_WithClaimsOutOfRange_Are403(string payload)
    {
        var header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);
        var body = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        var signature = Base64Url.EncodeToString(HMACSHA256.HashData(SHA256.HashData(Encoding.UTF8.GetBytes(ChannelBotFixture.SigningKey)), Encoding.ASCII.GetBytes($"{header}.{body}")));
        var client = new DirectLineClient(_client) { Token = $"{header}.{body}.{signature}" };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, "/v3/directline/conversations/c/activities")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations")).StatusCode);
    }

    private string TeamsMessage(bool expectReplies) => JsonSerializer.Serialize(new
    {
        type = "message", id = ActivityIds.Next(), channelId = "msteams", serviceUrl = _channel.BaseUrl, text = "<at>NewsQA</at> من هو المتحدث باسم الحشد الشعبي؟",
        deliveryMode = expectReplies ? "expectReplies" : null,
        from = new { id = "29:user" }, recipient = new { id = "28:bot" }, conversation = new { id = "a:hostile" },
    });

    private static string Merge(string activity, string overrides)
    {
        var target = System.Text.Json.Nodes.JsonNode.Parse(activity)!.AsObject();
        foreach (var (key, value) in System.Text.Json.Nodes.JsonNode.Parse(overrides)!.AsObject()) target[key] = value?.DeepClone();
        return target.ToJsonString();
    }
}
