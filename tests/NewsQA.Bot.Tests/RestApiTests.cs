using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NewsQA.Bot.Tests;

public class RestApiTests(BotFactory factory) : IClassFixture<BotFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Healthz_ReportsTheLoadedIndex()
    {
        var health = await _client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("ready", health.GetProperty("status").GetString());
        Assert.Equal(5, health.GetProperty("documents").GetInt32());
        Assert.Equal(73, health.GetProperty("passages").GetInt32());
    }

    [Fact]
    public async Task ThePage_HasAFavicon()
    {
        var response = await _client.GetAsync("/favicon.ico");
        response.EnsureSuccessStatusCode();
        var icon = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0, 0, 1, 0], icon[..4]); // an ICO file's header
        Assert.Contains("<link rel=\"icon\" href=\"favicon.ico\">", await _client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Ask_ReturnsTheCliJsonShape()
    {
        var response = await _client.PostAsJsonAsync("/api/ask", new { question = "كم رفع الناتو عدد جنوده في العراق؟" });
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ar", answer.GetProperty("language").GetString());
        Assert.True(answer.GetProperty("grounded").GetBoolean());
        Assert.Equal("local", answer.GetProperty("mode").GetString());
        Assert.Contains("4000", answer.GetProperty("answer").GetString());
        var citation = answer.GetProperty("citations")[0];
        Assert.Equal("001_d149adc8417d1233", citation.GetProperty("documentId").GetString());
        Assert.Equal(8, citation.GetProperty("paragraph").GetInt32());
        Assert.True(citation.GetProperty("sentence").GetProperty("length").GetInt32() > 0);
        var shortAnswer = answer.GetProperty("shortAnswer");
        Assert.Equal(("4000 فرد", "4000 فرد", 1), (shortAnswer.GetProperty("text").GetString(), shortAnswer.GetProperty("original").GetString(), shortAnswer.GetProperty("citation").GetInt32()));
    }

    [Fact]
    public async Task Ask_WithAConversationId_AnswersFollowUps()
    {
        var id = Guid.NewGuid().ToString();
        await _client.PostAsJsonAsync("/api/ask", new { question = "من هو المتحدث باسم الحشد الشعبي؟", conversationId = id });
        var followUp = await (await _client.PostAsJsonAsync("/api/ask", new { question = "المصدر 1", conversationId = id })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("source", followUp.GetProperty("kind").GetString());
        Assert.Contains("كريم النوري", followUp.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task AskStream_SendsStatusThenTheAnswerAsServerSentEvents()
    {
        var response = await _client.PostAsJsonAsync("/api/ask/stream", new { question = "Who commands the French forces in the Middle East?" });
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('\n')[0]).ToList();
        Assert.Equal(["event: status", "event: answer", "event: done"], events);
        Assert.Contains("إيمانويل سلارس", text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5000")]
    public async Task Ask_EmptyOrHugeQuestion_GetsAPoliteAnswer_NotAnError(string kind)
    {
        var question = kind == "" ? "" : new string('س', 5000);
        var response = await _client.PostAsJsonAsync("/api/ask", new { question });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(answer.GetProperty("grounded").GetBoolean());
        Assert.Equal("help", answer.GetProperty("kind").GetString());
        Assert.NotEmpty(answer.GetProperty("answer").GetString()!);
    }

    [Fact]
    public async Task Source_IsAPage_WithTheSentenceHighlighted_RightToLeft()
    {
        var answer = await (await _client.PostAsJsonAsync("/api/ask", new { question = "من هو قائد عمليات محافظة نينوى؟" })).Content.ReadFromJsonAsync<JsonElement>();
        var citation = answer.GetProperty("citations")[0];
        var sentence = citation.GetProperty("sentence");
        var url = $"/sources/{Uri.EscapeDataString(citation.GetProperty("passageId").GetString()!)}?start={sentence.GetProperty("start").GetInt32()}&length={sentence.GetProperty("length").GetInt32()}";

        var page = await _client.GetStringAsync(url);
        Assert.Contains("dir=\"rtl\"", page);
        Assert.Contains("<mark>", page);
        Assert.Contains("الجبوري", page);
        Assert.Contains("المصدر: الجزيرة", page);

        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");
        var json = await (await _client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("الجزيرة", json.GetProperty("source").GetString());
        Assert.Equal(13, json.GetProperty("paragraph").GetInt32());
    }

    [Fact]
    public async Task Source_Unknown_Is404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/sources/no-such-passage")).StatusCode);

    [Fact]
    public async Task Ask_OverTheSizeLimit_Is413()
    {
        var body = new StringContent(JsonSerializer.Serialize(new { question = new string('a', 300_000) }), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _client.PostAsync("/api/ask", body)).StatusCode);
    }
}
