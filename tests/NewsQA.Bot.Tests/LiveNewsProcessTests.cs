using System.Net.Http.Json;
using System.Text.Json;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests;

/// <summary>
/// The whole live-news path in the real service process, started from its build output as `dotnet run --project
/// src/NewsQA.Bot` starts it: a feed on a loopback news site configured in Ingestion:Feeds, then a second article
/// dropped into the corpus folder; the same running process answers from both, with their dates and links.
/// </summary>
public sealed class LiveNewsProcessTests
{
    private const string DamQuestion = "What did engineers repair at the Haditha dam?";
    private const string MuseumQuestion = "How many restored artefacts are on display at the Mosul museum?";
    private const string MuseumId = "2024-05-02-mosul-museum";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static async Task<JsonElement> AskAsync(HttpClient client, string question)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // The first citation from an article whose document id starts so, once the running service gives one.
    private static async Task<JsonElement> CitationOnceAnsweredAsync(HttpClient client, string question, string documentIdStart)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            var citations = (await AskAsync(client, question)).GetProperty("citations").EnumerateArray().ToList();
            var cited = citations.FirstOrDefault(c => c.GetProperty("documentId").GetString()!.StartsWith(documentIdStart, StringComparison.Ordinal));
            if (cited.ValueKind == JsonValueKind.Object) return cited;
            if (deadline.IsCancellationRequested) Assert.Fail($"Gave up after {Patience} waiting for \"{question}\" to cite {documentIdStart}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task TheRunningBot_AnswersFromAFeedItemAndADroppedArticle_WithDatesAndLinks_WithoutARestart()
    {
        await using var site = await NewsSite.StartAsync();
        using var corpus = new LiveCorpus();
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["NEWSQA_Corpus__Path"] = corpus.Path,
            ["NEWSQA_Ingestion__Feeds__0"] = site.Url("/atom.xml").AbsoluteUri,
            ["NEWSQA_Ingestion__PollInterval"] = "00:01:00",
            ["NEWSQA_Ingestion__AllowPrivateHosts__0"] = NewsSite.AllowedHost, // the loopback site, opened on purpose
        });
        var started = bot.ProcessId;
        using var client = new HttpClient { BaseAddress = bot.Address };

        var dam = await CitationOnceAnsweredAsync(client, DamQuestion, "2022-08-14-haditha-dam-repaired-");
        Assert.Equal("2022-08-14T09:00:00+00:00", dam.GetProperty("published").GetString()); // the page's own date, over the feed's
        Assert.Equal(site.Url("/articles/dam.html").AbsoluteUri, dam.GetProperty("url").GetString());

        await File.WriteAllTextAsync(Path.Combine(corpus.Path, MuseumId + ".md"), DatedArticles.Article(
            "Mosul museum reopens", "2024-05-02T10:00:00+03:00", "Nineveh Post", "https://nineveh.example/2024/museum", "en",
            "The Mosul museum reopened on Thursday with 1,200 restored artefacts on display, its director said."));

        var museum = await CitationOnceAnsweredAsync(client, MuseumQuestion, MuseumId);
        Assert.Equal("2024-05-02T10:00:00+03:00", museum.GetProperty("published").GetString());
        Assert.Equal("https://nineveh.example/2024/museum", museum.GetProperty("url").GetString());
        dam = await CitationOnceAnsweredAsync(client, DamQuestion, "2022-08-14-haditha-dam-repaired-"); // still answered from the feed item
        Assert.Equal(site.Url("/articles/dam.html").AbsoluteUri, dam.GetProperty("url").GetString());

        Assert.True(bot.Running);
        Assert.Equal(started, bot.ProcessId);
    }
}
