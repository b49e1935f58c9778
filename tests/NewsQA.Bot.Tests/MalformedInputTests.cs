using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NewsQA.Bot.Tests;

/// <summary>A corpus of malformed bodies sent to every POST endpoint: each gets a 4xx with a reason, never a 500.</summary>
public class MalformedInputTests(BotFactory factory) : IClassFixture<BotFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string> Cases()
    {
        string[] endpoints = ["/api/ask", "/api/ask/stream", "/api/messages", "directline"];
        string[] bodies = ["", "{", "not json", "[]", "null", "42", "\"text\"", "{\"question\": 5}", "{\"question\": {\"a\": 1}}", "\u0000\u0001", "{\"question\":\"\\ud800\"}"];
        var data = new TheoryData<string, string>();
        foreach (var endpoint in endpoints) foreach (var body in bodies) data.Add(endpoint, body);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MalformedBody_GetsAClientError_WithAProblemDetailsReason(string endpoint, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (endpoint == "directline")
        {
            // A real conversation and token, so the body itself is what is tested.
            var issued = await (await _client.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonElement>();
            var token = issued.GetProperty("token").GetString()!;
            var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
            start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await _client.SendAsync(start);
            request.RequestUri = new Uri($"/v3/directline/conversations/{issued.GetProperty("conversationId").GetString()}/activities", UriKind.Relative);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await _client.SendAsync(request);
        var status = (int)response.StatusCode;
        Assert.True(status is >= 200 and < 500, $"{endpoint} with {body}: {status}");
        if (status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("detail", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AnEntityWhoseTextIsNotUtf8_IsNoServerError()
    {
        // Found by the fuzz test: a byte that is no UTF-8 inside an entity's string, read only when the entity is.
        var json = Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"hi\",\"channelId\":\"emulator\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"conversation\":{\"id\":\"c\"},\"entities\":[{\"type\":\"Xmention\"}]}");
        json[Array.IndexOf(json, (byte)'X')] = 0xCF;
        var response = await _client.PostAsync("/api/messages", new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });

        Assert.True((int)response.StatusCode < 500, $"{response.StatusCode}");
    }
}
