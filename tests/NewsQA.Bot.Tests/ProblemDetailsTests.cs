using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsQA.Bot.Tests;

/// <summary>
/// Every refused request gets ASP.NET Core's problem details with its reason, those the framework refuses (no such
/// path, a method not served) and the Direct Line stream's as much as the handlers'.
/// </summary>
public class ProblemDetailsTests(BotFactory factory) : IClassFixture<BotFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    [Fact]
    public async Task APathNothingServes_And_AMethodNotServed_GetAReason()
    {
        await ProblemAsync(await _client.GetAsync("/api/nothing-here"), HttpStatusCode.NotFound);
        await ProblemAsync(await _client.DeleteAsync("/api/ask"), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task TheDirectLineStream_RefusesABadTokenAndAPlainRequest_WithAReason()
    {
        var client = await DirectLineClient.StartAsync(_client);
        var stream = new Uri(client.StreamUrl);

        var forged = await ProblemAsync(await _client.GetAsync($"{stream.AbsolutePath}?t=forged"), HttpStatusCode.Forbidden);
        Assert.Contains("streamUrl", forged.GetProperty("detail").GetString());
        await ProblemAsync(await _client.GetAsync(stream.PathAndQuery), HttpStatusCode.BadRequest); // not a WebSocket upgrade
        await ProblemAsync(await _client.GetAsync($"/v3/directline/conversations/unknown/stream?t=forged"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TypedResults_AreWrittenWithTheOneJsonConfiguration()
    {
        // Arabic stays readable (not \u-escaped) and absent values are left out, as in every other response.
        var answer = await (await _client.PostAsJsonAsync("/api/ask", new { question = "من هو المتحدث باسم الحشد الشعبي؟" })).Content.ReadAsStringAsync();
        Assert.Contains("الحشد", answer);
        var token = await (await _client.PostAsync("/api/directline/token", null)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("streamUrl", token);
        Assert.Contains("\"expires_in\"", token);
    }
}
