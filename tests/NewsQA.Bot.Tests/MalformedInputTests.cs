using System.Net;
using System.Text;

namespace NewsQA.Bot.Tests;

/// <summary>A corpus of malformed bodies sent to every POST endpoint: each gets a 4xx with a reason, never a 500.</summary>
public class MalformedInputTests(BotFactory factory) : IClassFixture<BotFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string> Cases()
    {
        string[] endpoints = ["/api/ask", "/api/ask/stream"];
        string[] bodies = ["", "{", "not json", "[]", "null", "42", "\"text\"", "{\"question\": 5}", "{\"question\": {\"a\": 1}}", "\u0000\u0001", "{\"question\":\"\\ud800\"}"];
        var data = new TheoryData<string, string>();
        foreach (var endpoint in endpoints) foreach (var body in bodies) data.Add(endpoint, body);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MalformedBody_GetsAClientError_WithAProblemDetailsReason(string endpoint, string body)
    {
        var response = await _client.PostAsync(endpoint, new StringContent(body, Encoding.UTF8, "application/json"));
        var status = (int)response.StatusCode;
        Assert.True(status is >= 200 and < 500, $"{endpoint} with {body}: {status}");
        if (status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("detail", await response.Content.ReadAsStringAsync());
        }
    }
}
