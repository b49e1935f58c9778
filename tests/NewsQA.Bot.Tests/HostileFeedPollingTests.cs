using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests;

/// <summary>
/// Issue 25, findings 1, 3 and 8 in the running service: feeds from a loopback news site the test starts, polled as
/// the service starts. A hostile feed stopped the service (exit 0, "Application is shutting down"); a link or a
/// redirect to a loopback address was fetched and answered from; one slow site held every other feed back.
/// </summary>
public sealed class HostileFeedPollingTests : IAsyncLifetime
{
    private const string SiloFact = "Engineers opened the new grain silo in Basra on Monday, the trade ministry said, after two years of work.";
    private const string DamQuestion = "What did engineers repair at the Haditha dam?";

    private NewsSite _site = null!;
    private readonly LiveCorpus _corpus = new();
    private readonly BotFactory _factory = new();

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _factory.Settings["Corpus:Path"] = _corpus.Path;
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _site.DisposeAsync();
        _corpus.Dispose();
    }

    private static async Task<int> DocumentsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("documents").GetInt32();

    private static async Task<JsonElement> AskAsync(HttpClient client, string question)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<JsonElement> Citations(JsonElement answer) => answer.GetProperty("citations").EnumerateArray();

    private bool Requested(string path) => _site.Requests.Any(r => r.Path == path);

    [Fact]
    public async Task HostileFeedItems_AreSetAsideOrReadWithoutWhatIsWrong_AndTheServiceGoesOnAnsweringFromTheGoodFeed()
    {
        _site.Serve("/articles/silo.html", "text/html", HostileInputs.PageDated("0001-01-01T00:00:00+14:00", "Silo opens in Basra", SiloFact));
        _site.Serve("/articles/seven.html", "text/html; charset=utf-7", $"<html><body><article><h1>Amarah bridge</h1><p>{SiloFact.Replace("grain silo in Basra", "river bridge in Amarah", StringComparison.Ordinal)}</p></article></body></html>");
        _site.Serve("/articles/deep.html", "text/html", HostileInputs.DeepPage(2000));
        _site.Serve("/hostile.xml", "application/rss+xml", HostileInputs.Rss("Hostile Wire",
            ("Silo", "{site}/articles/silo.html", HostileInputs.Rfc822OutOfRange),
            ("Bridge", "{site}/articles/seven.html", null),
            ("Deep", "{site}/articles/deep.html", null)));
        _site.Serve("/deep.xml", "application/rss+xml", HostileInputs.DeepFeed(1000));
        _factory.Settings["Ingestion:AllowPrivateHosts:0"] = NewsSite.AllowedHost;
        _factory.Settings["Ingestion:Feeds:0"] = _site.Url("/hostile.xml").AbsoluteUri; // first, as it stopped the service before the good feed
        _factory.Settings["Ingestion:Feeds:1"] = _site.Url("/deep.xml").AbsoluteUri;
        _factory.Settings["Ingestion:Feeds:2"] = _site.Url("/atom.xml").AbsoluteUri;
        var client = _factory.CreateClient();

        // The seeds, the silo and the bridge (read without their bad date and charset), and the Atom feed's two articles.
        Assert.True(await Eventually.HoldsAsync(async () => await DocumentsAsync(client) == 5 + 2 + 2), "the readable articles were not all indexed");
        Assert.Contains(Citations(await AskAsync(client, DamQuestion)), c => c.GetProperty("documentId").GetString()!.StartsWith("2022-08-14-haditha-dam-repaired-", StringComparison.Ordinal));
        var silo = Citations(await AskAsync(client, "What did engineers open in Basra on Monday?")).First();
        Assert.Equal(SiloFact, silo.GetProperty("text").GetString());
        Assert.False(silo.TryGetProperty("published", out _)); // no date rather than a wrong one

        var log = _factory.Logs.Entries.Select(e => e.Message).ToList();
        Assert.Contains(log, m => m.Contains(_site.Url("/articles/deep.html").AbsoluteUri, StringComparison.Ordinal) && m.Contains("set aside", StringComparison.Ordinal));
        Assert.Contains(log, m => m.Contains(_site.Url("/deep.xml").AbsoluteUri, StringComparison.Ordinal) && m.Contains("nested more than", StringComparison.Ordinal));
        Assert.Contains(log, m => m.Contains(HostileInputs.Rfc822OutOfRange, StringComparison.Ordinal) && m.Contains("is not a date", StringComparison.Ordinal));
        Assert.Contains(log, m => m.Contains("\"utf-7\" is not supported", StringComparison.Ordinal));
        Assert.Equal("ready", (await client.GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ItemsLinkingToALoopbackAddress_OrRedirectedToOne_AreNotFetched_NotIndexed_AndLogged()
    {
        var feed = _site.ServeIntranetFeed();
        var secret = _site.Url(NewsSite.SecretPath).AbsoluteUri;
        // The site is opened by name, as an intranet news site is; its address 127.0.0.1 is not.
        _factory.Settings["Ingestion:AllowPrivateHosts:0"] = "localhost";
        _factory.Settings["Ingestion:Feeds:0"] = feed.AbsoluteUri;
        var client = _factory.CreateClient();

        Assert.True(await Eventually.HoldsAsync(async () => await DocumentsAsync(client) == 6), "the dam article was not indexed");
        var answer = await AskAsync(client, "What is the vault code of the internal billing service?");
        Assert.DoesNotContain(NewsSite.SecretCode, answer.GetRawText());
        Assert.DoesNotContain(Citations(answer), c => c.TryGetProperty("url", out var url) && url.GetString()!.Contains("127.0.0.1", StringComparison.Ordinal));
        Assert.False(Requested(NewsSite.SecretPath));
        var refusals = _factory.Logs.Entries.Where(e => e.Message.Contains("not fetched: 127.0.0.1 is a loopback", StringComparison.Ordinal)).ToList();
        Assert.Contains(refusals, e => e.Message.Contains(secret, StringComparison.Ordinal));
        Assert.Contains(refusals, e => e.Message.Contains(_site.LocalhostUrl("/redirect-internal").AbsoluteUri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnItemLinkingToTheServiceItself_IsNotFetched_EvenWhenItsHostIsNamed()
    {
        // The feed is written once the service listens, naming the service's own address as an item's link.
        var own = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _site.Map("/own.xml", async context =>
        {
            var item = new Uri(await own.Task, "/healthz").AbsoluteUri;
            var body = System.Text.Encoding.UTF8.GetBytes(HostileInputs.Rss("Loop Wire", ("Itself", item, null)));
            context.Response.ContentType = "application/rss+xml";
            await context.Response.OutputStream.WriteAsync(body);
        });
        _factory.Settings["Ingestion:AllowPrivateHosts:0"] = NewsSite.AllowedHost; // the service listens at 127.0.0.1 too
        _factory.Settings["Ingestion:Feeds:0"] = _site.Url("/own.xml").AbsoluteUri;
        own.SetResult(_factory.StartKestrel());

        Assert.True(await _factory.Logs.WaitForAsync("this service's own listening address"), string.Join("\n", _factory.Logs.Entries.Select(e => e.Category + ": " + e.Message).Where(m => m.Contains("NewsQA", StringComparison.Ordinal))));
        Assert.Contains(_factory.Logs.Entries, e => e.Message.Contains("/healthz set aside: not fetched", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALoopbackFeed_IsNotFetched_UnlessItsHostIsNamed_AndTheRefusalIsLogged()
    {
        _factory.Settings["Ingestion:Feeds:0"] = _site.Url("/atom.xml").AbsoluteUri;
        _ = _factory.CreateClient();

        Assert.True(await _factory.Logs.WaitForAsync("not fetched: 127.0.0.1 is a loopback"));
        Assert.Contains(_factory.Logs.Entries, e => e.Message.Contains(_site.Url("/atom.xml").AbsoluteUri, StringComparison.Ordinal) && e.Message.Contains("AllowPrivateHosts", StringComparison.Ordinal));
        Assert.Empty(_site.Requests);
    }

    [Fact]
    public async Task ASiteThatDoesNotAnswer_HoldsBackOnlyItsOwnFeed()
    {
        // Feed A (at 127.0.0.1) links to a page that answers only when the test says; feed B (at localhost, another
        // host) comes after it. Fetches may take ten minutes, so before, B waited for A's page that long. B's items are
        // relative links, on localhost too: one request at a time still goes to each host.
        _site.Serve("/slow.xml", "application/rss+xml", HostileInputs.Rss("Slow Wire", ("Slow", "{site}/articles/slow.html", null)));
        _site.Serve("/local.xml", "application/rss+xml", HostileInputs.Rss("Local Wire", ("Dam", "/articles/dam.html", null), ("NATO", "/articles/nato-ar.html", null)));
        _factory.Settings["Ingestion:AllowPrivateHosts:0"] = NewsSite.AllowedHost;
        _factory.Settings["Ingestion:AllowPrivateHosts:1"] = "localhost";
        _factory.Settings["Ingestion:FetchTimeout"] = "00:10:00";
        _factory.Settings["Ingestion:Feeds:0"] = _site.Url("/slow.xml").AbsoluteUri;
        _factory.Settings["Ingestion:Feeds:1"] = _site.LocalhostUrl("/local.xml").AbsoluteUri;
        var client = _factory.CreateClient();

        Assert.True(await Eventually.HoldsAsync(async () => await DocumentsAsync(client) == 7), "the other host's feed was held back: " + string.Join("\n", _factory.Logs.Entries.Select(e => e.Category + ": " + e.Message).Where(m => !m.Contains("Microsoft.", StringComparison.Ordinal)).TakeLast(30)));
        Assert.True(_site.SlowRequestArrived.Task.IsCompleted);
        Assert.False(_site.ReleaseSlowPage.Task.IsCompleted); // A's page is still being waited for
        _site.ReleaseSlowPage.TrySetResult();
        Assert.True(await _factory.Logs.WaitForAsync("Polled 2 feeds"), "the poll did not finish once the slow page answered");
    }

    [Fact]
    public async Task APollThatOutlastsItsInterval_IsCutShort_AndTheUnfinishedFeedIsLogged()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _factory.Clock = clock;
        _site.Serve("/slow.xml", "application/rss+xml", HostileInputs.Rss("Slow Wire", ("Slow", "{site}/articles/slow.html", null)));
        _factory.Settings["Ingestion:AllowPrivateHosts:0"] = NewsSite.AllowedHost;
        _factory.Settings["Ingestion:FetchTimeout"] = "00:10:00";
        _factory.Settings["Ingestion:PollInterval"] = "00:05:00";
        _factory.Settings["Ingestion:Feeds:0"] = _site.Url("/slow.xml").AbsoluteUri;
        _ = _factory.CreateClient();

        await _site.SlowRequestArrived.Task.WaitAsync(Eventually.Patience);
        clock.Advance(TimeSpan.FromMinutes(5)); // the poll's time is up; the page's own ten minutes are not
        Assert.True(await _factory.Logs.WaitForAsync("was not finished within the poll's time"));
        Assert.Contains(_factory.Logs.Entries, e => e.Message.Contains("Polled 1 feeds: 0 articles written, 1 failures to retry", StringComparison.Ordinal));
    }
}
