using System.Net.Http.Json;
using System.Text.Json;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests;

/// <summary>
/// Issue 25, findings 1 and 2 in the real service process, started from its build output: a corpus with files that
/// stopped start-up (exit 134: a front matter date out of range, front matter nested 50,000 deep) and feeds that
/// stopped the service at every start (a title nested 175,000 deep, an item date out of range). In a process of its
/// own, a regression that overflows the stack fails this test, not the test run.
/// </summary>
public sealed class HostileInputProcessTests
{
    private const string SiloFact = "Engineers opened the new grain silo in Basra on Monday, the trade ministry said, after two years of work.";
    private const string FerryFact = "A ferry resumed service across the Shatt al-Arab on Sunday after a month of repairs, the port said.";

    private static async Task<JsonElement?> CitationAsync(HttpClient client, string question, string text)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question });
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var cited = answer.GetProperty("citations").EnumerateArray().Where(c => c.GetProperty("text").GetString() == text).ToList();
        return cited.Count > 0 ? cited[0] : null;
    }

    [Fact]
    public async Task TheService_StartsOverPoisonedFiles_ReadsAroundHostileFeeds_AndKeepsAnswering()
    {
        await using var site = await NewsSite.StartAsync();
        site.Serve("/deep.xml", "application/rss+xml", HostileInputs.DeepFeed(HostileInputs.StackBreakingXmlDepth));
        site.Serve("/articles/silo.html", "text/html; charset=utf-7", HostileInputs.PageDated(HostileInputs.Rfc822OutOfRange, "Silo opens in Basra", SiloFact));
        site.Serve("/dated.xml", "application/rss+xml", HostileInputs.Rss("Dated Wire", ("Silo", "{site}/articles/silo.html", HostileInputs.Rfc822OutOfRange)));
        using var corpus = new LiveCorpus();
        File.WriteAllText(Path.Combine(corpus.Path, "poison-yaml.md"), HostileInputs.DeepFrontMatter(HostileInputs.StackBreakingYamlDepth));
        File.WriteAllText(Path.Combine(corpus.Path, "poison-date.md"), HostileInputs.OutOfRangeFrontMatter("Ferry resumes", FerryFact));
        File.WriteAllText(Path.Combine(corpus.Path, "poison-deep.html"), HostileInputs.DeepPage(200_000));

        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["NEWSQA_Corpus__Path"] = corpus.Path,
            ["NEWSQA_Ingestion__AllowPrivateHosts__0"] = NewsSite.AllowedHost,
            ["NEWSQA_Ingestion__Feeds__0"] = site.Url("/deep.xml").AbsoluteUri,
            ["NEWSQA_Ingestion__Feeds__1"] = site.Url("/dated.xml").AbsoluteUri,
            ["NEWSQA_Ingestion__Feeds__2"] = site.Url("/atom.xml").AbsoluteUri,
        });
        var started = bot.ProcessId;
        using var client = new HttpClient { BaseAddress = bot.Address };

        Assert.NotNull(await CitationAsync(client, "When did the ferry across the Shatt al-Arab resume service?", FerryFact)); // indexed at start-up, undated
        Assert.True(await Eventually.HoldsAsync(async () => await CitationAsync(client, "What did engineers open in Basra on Monday?", SiloFact) is not null), "the silo from the dated feed was not answered");
        Assert.True(await Eventually.HoldsAsync(async () => await CitationAsync(client, "What did engineers repair at the Haditha dam?", NewsPages.DamFact) is not null), "the good feed was not read");

        Assert.True(bot.Running);
        Assert.Equal(started, bot.ProcessId);
        Assert.Equal(0, await bot.StopAsync()); // stopped on request, it exits 0, with nothing left failed
    }
}
