using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NewsQA.Testing;
using Xunit.Abstractions;

namespace NewsQA.Bot.Tests.Fuzz;

/// <summary>
/// A fixed-seed fuzz run of what arrives from outside rather than what users send (issue 25): hostile files in the
/// corpus folder at start-up and dropped in while it runs, hostile feeds and pages polled from a loopback site, and
/// hostile articles posted to the admin API. The service runs as its own process (a stack overflow ends it, not the
/// test run); it must start, never answer a 5xx, never fetch a private address, keep answering real questions from
/// the good feed and the seeds, and stop on request with exit code 0. The seed and the counts are fixed, so a failure
/// reruns exactly.
/// </summary>
public sealed class HostileInputFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 25;
    private const int StartupFiles = 12;
    private const int DroppedFiles = 8;
    private const int Feeds = 3;
    private const int PagesPerFeed = 6;
    private const int Posts = 18;
    private const string AdminKey = "fuzz-admin-key-0123456789";

    private static async Task<JsonElement> AskAsync(HttpClient client, string question)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question });
        Assert.True(response.IsSuccessStatusCode, $"/api/ask answered {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static bool Cites(JsonElement answer, string text) =>
        answer.GetProperty("citations").EnumerateArray().Any(c => c.GetProperty("text").GetString() == text);

    [Fact]
    public async Task HostileFilesFeedsPagesAndPosts_NeverStopTheService_NorReachAPrivateAddress()
    {
        var documents = new HostileDocuments(new Random(Seed));
        await using var site = await NewsSite.StartAsync();
        var port = site.BaseAddress.Port;
        documents.PrivateLinks =
        [
            $"http://127.0.0.1:{port}{NewsSite.SecretPath}", $"http://[::1]:{port}{NewsSite.SecretPath}", $"http://0.0.0.0:{port}{NewsSite.SecretPath}",
            "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/internal/", $"http://[::ffff:127.0.0.1]:{port}{NewsSite.SecretPath}",
        ];
        site.ServeIntranetFeed(); // the secret page, and a page on localhost that redirects to it
        documents.PrivateLinks = [.. documents.PrivateLinks, site.LocalhostUrl("/redirect-internal").AbsoluteUri];

        // Feeds and pages on localhost, the host the service is told it may fetch from; 127.0.0.1 is not named.
        var local = site.LocalhostUrl("/").AbsoluteUri.TrimEnd('/');
        for (var f = 0; f < Feeds; f++)
        {
            var pages = new List<string>();
            for (var p = 0; p < PagesPerFeed; p++)
            {
                var (type, body) = documents.NextPageResponse();
                site.Serve($"/fuzz/{f}/{p}.html", type, body);
                pages.Add($"{local}/fuzz/{f}/{p}.html");
            }

            site.Serve($"/fuzz/{f}.xml", "application/rss+xml", documents.NextFeed(pages));
        }

        using var corpus = new LiveCorpus();
        for (var i = 0; i < StartupFiles; i++)
        {
            var (name, text) = documents.NextFile(i);
            File.WriteAllText(Path.Combine(corpus.Path, name), text);
        }

        var environment = new Dictionary<string, string>
        {
            ["NEWSQA_Corpus__Path"] = corpus.Path,
            ["NEWSQA_Admin__ApiKey"] = AdminKey,
            ["NEWSQA_Bot__MaxRequestBytes"] = (16 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), // the posts reach the article reader
            ["NEWSQA_Watcher__SettleTime"] = "00:00:00.200",
            ["NEWSQA_Ingestion__AllowPrivateHosts__0"] = "localhost",
            ["NEWSQA_Ingestion__Feeds__0"] = site.LocalhostUrl("/atom.xml").AbsoluteUri,
        };
        for (var f = 0; f < Feeds; f++) environment[$"NEWSQA_Ingestion__Feeds__{f + 1}"] = $"{local}/fuzz/{f}.xml";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var bot = await BotProcess.StartAsync(environment);
        output.WriteLine($"started in {clock.Elapsed.TotalSeconds:0.0} s");
        var started = bot.ProcessId;
        using var client = new HttpClient { BaseAddress = bot.Address, Timeout = Eventually.Patience };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);

        // The good feed is answered once the first poll has gone through every feed.
        Assert.True(await Eventually.HoldsAsync(async () => Cites(await AskAsync(client, "What did engineers repair at the Haditha dam?"), NewsPages.DamFact)), "the good feed was not answered");

        output.WriteLine($"good feed answered at {clock.Elapsed.TotalSeconds:0.0} s");
        for (var i = 0; i < DroppedFiles; i++)
        {
            var (name, text) = documents.NextFile(StartupFiles + i);
            File.WriteAllText(Path.Combine(corpus.Path, name), text);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Posts; i++)
        {
            object article = (i % 3) switch
            {
                0 => new { title = $"Fuzz {i}", html = documents.NextPage() },
                1 => new { title = $"Fuzz {i}", text = documents.NextFile(i).Text },
                _ => new { title = $"Fuzz {i}", text = "A ferry resumed service on Sunday, the port said, after a month.", published = "Mon, 01 Jan 0001 00:00:00 +1400" },
            };
            using var response = await client.PostAsJsonAsync("/api/articles", article);
            statuses.Add(response.StatusCode);
        }

        output.WriteLine($"posted at {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var group in statuses.GroupBy(s => s).OrderBy(g => g.Key)) output.WriteLine($"admin POST {(int)group.Key}: {group.Count()}");
        Assert.DoesNotContain(statuses, s => (int)s >= 500);

        // Still the same process, still answering from the seeds and the good feed, once the dropped files are applied.
        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
        output.WriteLine($"documents: {health.GetProperty("documents").GetInt32()}");
        Assert.Contains("4000", (await AskAsync(client, "كم رفع الناتو عدد جنوده في العراق؟")).GetProperty("answer").GetString());
        Assert.True(Cites(await AskAsync(client, "What did engineers repair at the Haditha dam?"), NewsPages.DamFact));
        Assert.DoesNotContain(NewsSite.SecretCode, (await AskAsync(client, "What is the vault code?")).GetRawText());
        Assert.DoesNotContain(site.Requests, r => r.Path.StartsWith("/internal/", StringComparison.Ordinal));
        Assert.True(bot.Running);
        Assert.Equal(started, bot.ProcessId);
        Assert.Equal(0, await bot.StopAsync());
    }
}
