using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsQA.Bot.Tests;

/// <summary>The REST API's conversations are its own: no conversationId reaches a Teams or web chat conversation.</summary>
public class ConversationIsolationTests(BotFactory factory) : IClassFixture<BotFactory>
{
    private const string Spokesman = "من هو المتحدث باسم الحشد الشعبي؟";
    private const string Nato = "كم رفع الناتو عدد جنوده في العراق؟";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task RestApi_CannotReadOrChange_ATeamsConversation()
    {
        var teamsId = "a:1Xy" + Guid.NewGuid().ToString("N");
        Assert.Contains("كريم النوري", await TeamsAsync(teamsId, Spokesman));

        foreach (var id in new[] { $"msteams:{teamsId}", teamsId, $"channel|msteams|{teamsId}", $"msteams|{teamsId}" })
        {
            var shown = await AskAsync("show 1", id);
            Assert.Equal(0, shown.GetProperty("citations").GetArrayLength());
            await AskAsync(Nato, id); // a REST turn under that id
        }

        // The Teams user's follow-up still sees their own answer's source, not the REST caller's.
        var source = await TeamsAsync(teamsId, "show 1");
        Assert.Contains("كريم النوري", source);
        Assert.DoesNotContain("4000", source);
    }

    [Fact]
    public async Task RestApi_CannotReadOrChange_AWebChatConversation()
    {
        var (token, conversationId, userId) = await StartDirectLineAsync();
        Assert.Contains("كريم النوري", await DirectLineAsync(conversationId, token, userId, Spokesman));

        foreach (var id in new[] { $"directline:{conversationId}", $"webchat:{conversationId}", $"directline|{conversationId}", conversationId })
        {
            Assert.Equal(0, (await AskAsync("show 1", id)).GetProperty("citations").GetArrayLength());
            await AskAsync(Nato, id);
        }

        var source = await DirectLineAsync(conversationId, token, userId, "show 1");
        Assert.Contains("كريم النوري", source);
        Assert.DoesNotContain("4000", source);
    }

    private async Task<JsonElement> AskAsync(string question, string conversationId)
    {
        var response = await _client.PostAsJsonAsync("/api/ask", new { question, conversationId });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string> TeamsAsync(string conversationId, string text)
    {
        var activity = new
        {
            type = "message", id = Guid.NewGuid().ToString(), channelId = "msteams", serviceUrl = "http://127.0.0.1:9/", text, deliveryMode = "expectReplies",
            from = new { id = "29:user" }, recipient = new { id = "28:bot" }, conversation = new { id = conversationId },
        };
        var body = await (await _client.PostAsJsonAsync("/api/messages", activity)).Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("activities")[0].GetProperty("text").GetString()!;
    }

    private async Task<(string Token, string ConversationId, string UserId)> StartDirectLineAsync()
    {
        var issued = await (await _client.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonElement>();
        var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("token").GetString());
        var started = await (await _client.SendAsync(start)).Content.ReadFromJsonAsync<JsonElement>();
        return (started.GetProperty("token").GetString()!, started.GetProperty("conversationId").GetString()!, issued.GetProperty("userId").GetString()!);
    }

    // Posts a message as Web Chat does and returns the text of the bot's reply to it.
    private async Task<string> DirectLineAsync(string conversationId, string token, string userId, string text)
    {
        var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = JsonContent.Create(new { type = "message", text, channelId = "webchat", from = new { id = userId, role = "user" } }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var id = (await (await _client.SendAsync(post)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        string? reply = null;
        await Eventually.HoldsAsync(async () =>
        {
            var poll = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
            poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var set = await (await _client.SendAsync(poll)).Content.ReadFromJsonAsync<JsonElement>();
            reply = set.GetProperty("activities").EnumerateArray()
                .Where(a => a.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == id && a.GetProperty("type").GetString() == "message")
                .Select(a => a.GetProperty("text").GetString()).FirstOrDefault();
            return reply is not null;
        });

        return reply ?? throw new TimeoutException("no reply");
    }
}
