namespace NewsQA.Bot.Tests;

/// <summary>
/// Broken HTTP framing sent as raw bytes to a real Kestrel (the in-memory test server does not parse framing): a bad
/// chunked body on every endpoint that reads JSON gets a 4xx, never a 5xx, and the service goes on answering.
/// </summary>
public class RawFramingTests(KestrelBotFixture fixture) : IClassFixture<KestrelBotFixture>
{
    public static TheoryData<string, string> Bodies() => new()
    {
        { "chunk size not hex", "ZZ\r\n{}\r\n0\r\n\r\n" },
        { "no CRLF after the chunk data", "2\r\n{}XX0\r\n\r\n" },
        { "chunk size overflows", "fffffffffffffffffffff\r\n{}\r\n0\r\n\r\n" },
        { "negative chunk size", "-2\r\n{}\r\n0\r\n\r\n" },
        { "garbage chunk extension", "2;\u0001\r\n{}\r\n0\r\n\r\n" },
    };

    private string[] Endpoints() =>
    [
        "/api/ask", "/api/ask/stream", "/api/messages", fixture.DirectLine.Activities, "/v3/directline/conversations",
        "/v3/directline/tokens/refresh", "/api/directline/token",
    ];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task MalformedChunkedBody_OnEveryJsonEndpoint_GetsA4xx(string name, string body)
    {
        foreach (var endpoint in Endpoints())
        {
            var headers = $"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nAuthorization: Bearer {fixture.DirectLine.Token}\r\nConnection: close\r\n";
            var status = await RawHttp.SendAsync(fixture.Address, RawHttp.Request("POST", endpoint, headers, body));
            Assert.True(status is >= 200 and < 500, $"{name} on {endpoint}: {status?.ToString() ?? "no response"}");
        }

        Assert.True(await fixture.AnswersAsync());
    }

    [Theory]
    [InlineData("Content-Length: 500", "{\"question\":")]
    [InlineData("Transfer-Encoding: chunked", "ff\r\n{\"question\":\"x\"}")]
    [InlineData("Transfer-Encoding: chunked", "2\r\n{}\r\n")] // no last chunk
    public async Task BodyCutShortByTheClientLeaving_IsNoErrorOfTheService(string framing, string body)
    {
        foreach (var endpoint in Endpoints())
        {
            var headers = $"Content-Type: application/json\r\n{framing}\r\nAuthorization: Bearer {fixture.DirectLine.Token}\r\n";
            var status = await RawHttp.SendAsync(fixture.Address, RawHttp.Request("POST", endpoint, headers, body), endInput: true);
            Assert.True(status is null or (>= 200 and < 500), $"{endpoint}: {status}");
        }

        Assert.True(await fixture.AnswersAsync());
    }
}
