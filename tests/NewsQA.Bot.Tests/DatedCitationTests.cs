using System.Net.Http.Json;
using System.Text.Json;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests;

/// <summary>
/// An article's outlet, publication date and link reach every surface that shows a citation: the REST answer, the
/// source page (HTML and JSON), and the citation cards of Teams and of Web Chat.
/// </summary>
public sealed class DatedCitationTests : IAsyncLifetime
{
    private const string Latest = "What is the latest number of NATO advisers in Iraq?";
    private const string NewerDate = "2023-02-14T10:30:00+03:00";

    private readonly string _corpus = Path.Combine(Path.GetTempPath(), "newsqa-dated-tests", Guid.NewGuid().ToString("N"));
    private readonly BotFactory _factory = new();
    private ChannelServer _channel = null!;

    public async Task InitializeAsync()
    {
        _channel = await ChannelServer.StartAsync();
        _factory.Settings["Corpus:Path"] = DatedArticles.WriteTo(_corpus);
        _factory.Settings["BotFramework:ChannelOpenIdMetadata"] = _channel.BaseUrl + "openid";
        _factory.Settings["BotFramework:TokenEndpoint"] = _channel.BaseUrl + "token/{0}/oauth2/v2.0/token";
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _channel.DisposeAsync();
        Directory.Delete(_corpus, recursive: true);
    }

    private async Task<JsonElement> AskAsync(string question) =>
        await (await _factory.CreateClient().PostAsJsonAsync("/api/ask", new { question })).Content.ReadFromJsonAsync<JsonElement>();

    // A message over the Bot Framework endpoint from the given channel; the reply arrives at the loopback channel.
    private async Task<JsonElement> ReplyAsync(string channelId, string question)
    {
        var activity = new
        {
            type = "message", id = ActivityIds.Next(), channelId, serviceUrl = _channel.BaseUrl, text = question, locale = "en-US",
            from = new { id = "29:user", name = "Sam" },
            recipient = new { id = "28:bot", name = "NewsQA" },
            conversation = new { id = "a:dated", conversationType = "personal" },
        };
        (await _factory.CreateClient().PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();
        return (await _channel.WaitForAsync(2))[1].Body;
    }

    private static JsonElement FirstAppearance(JsonElement reply) =>
        Assert.Single(reply.GetProperty("entities").EnumerateArray()).GetProperty("citation")[0].GetProperty("appearance");

    [Fact]
    public async Task TheRestAnswer_CitesTheNewerArticle_WithItsOutletDateAndLink()
    {
        var citation = (await AskAsync(Latest)).GetProperty("citations")[0];

        Assert.Equal(DatedArticles.EnglishNewerId, citation.GetProperty("documentId").GetString());
        Assert.Equal(NewerDate, citation.GetProperty("published").GetString());
        Assert.Equal(DatedArticles.EnglishNewerUrl, citation.GetProperty("url").GetString());
        Assert.Equal("Tigris Daily", citation.GetProperty("source").GetString());
    }

    [Fact]
    public async Task TheSourcePage_ShowsTheDateAndLinksTheArticle_InHtmlAndJson()
    {
        var citation = (await AskAsync(Latest)).GetProperty("citations")[0];
        var url = $"/sources/{Uri.EscapeDataString(citation.GetProperty("passageId").GetString()!)}";
        var client = _factory.CreateClient();

        var page = await client.GetStringAsync(url);
        Assert.Contains($"<time datetime=\"{NewerDate}\">14 February 2023</time>", page);
        Assert.Contains($"<a href=\"{DatedArticles.EnglishNewerUrl}\"", page);

        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");
        var json = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(NewerDate, json.GetProperty("published").GetString());
        Assert.Equal(DatedArticles.EnglishNewerUrl, json.GetProperty("url").GetString());
    }

    [Fact]
    public async Task TheTeamsCard_SaysTheDate_AndOpensTheArticlesOwnLink()
    {
        var appearance = FirstAppearance(await ReplyAsync("msteams", Latest));

        Assert.Equal(DatedArticles.EnglishNewerUrl, appearance.GetProperty("url").GetString());
        var card = JsonDocument.Parse(appearance.GetProperty("text").GetString()!).RootElement;
        // Each text block sits in a container that carries its direction.
        var texts = card.GetProperty("body").EnumerateArray().SelectMany(b => b.GetProperty("items").EnumerateArray()).Select(b => b.GetProperty("text").GetString()).ToList();
        Assert.Contains(texts, t => t!.StartsWith("Tigris Daily — 14 February 2023 — \u2066¶", StringComparison.Ordinal));
        Assert.Contains(texts, t => t!.Contains(DatedArticles.EnglishNewerUrl, StringComparison.Ordinal));
        Assert.Equal("2023-02-14", appearance.GetProperty("keywords")[0].GetString());
    }

    [Fact]
    public async Task TheWebChatCard_SaysTheDate_AndLinksTheArticle()
    {
        var reply = await ReplyAsync("webchat", Latest);
        var appearance = FirstAppearance(reply);

        var markdown = appearance.GetProperty("text").GetString()!;
        Assert.Contains("Tigris Daily — 14 February 2023", markdown);
        Assert.Contains($"(<{DatedArticles.EnglishNewerUrl}>)", markdown);
        Assert.False(appearance.TryGetProperty("url", out _)); // Web Chat opens its dialog for a citation without one
        Assert.Contains("14 February 2023", reply.GetProperty("text").GetString()); // the badge's title, and the answer itself
    }
}
