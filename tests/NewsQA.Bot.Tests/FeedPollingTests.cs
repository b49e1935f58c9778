using System.Net.Http.Json;
using System.Text.Json;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests;

public sealed class FeedPollingTests
{
    [Fact]
    public async Task AConfiguredFeed_IsPolledAtStartUp_AndItsArticlesBecomeAnswerable()
    {
        await using var site = await NewsSite.StartAsync();
        using var corpus = new LiveCorpus();
        using var factory = new BotFactory();
        factory.Settings["Corpus:Path"] = corpus.Path;
        factory.Settings["Ingestion:AllowPrivateHosts:0"] = NewsSite.AllowedHost; // the loopback site, opened on purpose
        factory.Settings["Ingestion:Feeds:0"] = site.Url("/atom.xml").AbsoluteUri;
        factory.Settings["Ingestion:Feeds:1"] = site.Url("/malformed.xml").AbsoluteUri; // logged and retried; the good feed is unaffected
        var client = factory.CreateClient();

        // The first poll runs as the service starts; wait (bounded) for the index to take its two articles in.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while ((await client.GetFromJsonAsync<JsonElement>("/healthz", deadline.Token)).GetProperty("documents").GetInt32() < 7)
        {
            await Task.Delay(50, deadline.Token);
        }

        var answer = await (await client.PostAsJsonAsync("/api/ask", new { question = "What did engineers repair at the Haditha dam?" })).Content.ReadFromJsonAsync<JsonElement>();
        var citation = answer.GetProperty("citations")[0];
        Assert.StartsWith("2022-08-14-haditha-dam-repaired-", citation.GetProperty("documentId").GetString());
        Assert.Equal(NewsPages.DamFact, citation.GetProperty("text").GetString());
        Assert.Equal(7, Directory.GetFiles(corpus.Path).Length);
    }
}
