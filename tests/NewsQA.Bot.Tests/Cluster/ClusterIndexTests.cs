using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests.Cluster;

/// <summary>
/// Issue 21, test 4: one indexer, replicas pulling its revisions, one Redis. An article dropped into the indexer's folder
/// and one posted to a replica's admin API are cited by every replica within ten seconds; a replica started late is not
/// ready until it has caught up.
/// </summary>
public sealed class ClusterIndexTests(IndexCluster cluster) : IClassFixture<IndexCluster>
{
    private static readonly TimeSpan CitedWithin = TimeSpan.FromSeconds(10);

    private const string HarbourQuestion = "Who was appointed harbour master of the port of Velmora?";
    private const string HarbourFact = "Quillon Varga";
    private const string OrchardQuestion = "How many apricot trees did the Sarvan orchard cooperative plant?";
    private const string OrchardFact = "7,350 apricot trees";
    private const string LanternQuestion = "How many visitors did the Ostrava lantern festival draw?";
    private const string LanternFact = "41,000 visitors";

    // Whether every replica cites the fact before the deadline (asked again and again, no pause between rounds).
    private async Task<bool> EveryReplicaCitesAsync(string question, string fact, Stopwatch since)
    {
        var waiting = cluster.Replicas.ToList();
        while (waiting.Count > 0 && since.Elapsed < CitedWithin)
        {
            var cites = await Task.WhenAll(waiting.Select(r => IndexCluster.CitesAsync(r, question, fact)));
            waiting = [.. waiting.Where((_, i) => !cites[i])];
        }

        return waiting.Count == 0;
    }

    [Fact]
    public async Task AnArticleDroppedIntoTheIndexersFolder_IsCitedByEveryReplica_WithinTenSeconds()
    {
        Assert.All(await Task.WhenAll(cluster.Replicas.Select(r => IndexCluster.CitesAsync(r, HarbourQuestion, HarbourFact))), Assert.False);

        var dropped = Stopwatch.StartNew();
        await File.WriteAllTextAsync(Path.Combine(cluster.Corpus.Path, "2026-03-02-velmora-harbour.md"), DatedArticles.Article(
            "Velmora names a harbour master", "2026-03-02T09:00:00+00:00", "Coast Herald", "https://coast.example/2026/velmora", "en",
            $"The port of Velmora appointed {HarbourFact} as its harbour master on Monday, the port authority said."));

        Assert.True(await EveryReplicaCitesAsync(HarbourQuestion, HarbourFact, dropped), $"not every replica cited the dropped article within {CitedWithin}");
    }

    [Fact]
    public async Task AnArticlePostedToAReplicasAdminApi_IsAcceptedAndThenCitedByEveryReplica_WithinTenSeconds()
    {
        using var client = new HttpClient { BaseAddress = cluster.Replicas[^1].Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IndexCluster.AdminKey);
        var posted = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync("/api/articles", new
        {
            title = "Sarvan orchards grow",
            text = $"The Sarvan orchard cooperative planted {OrchardFact} this spring, its chairman said on Sunday.",
            published = "2026-04-05",
            url = "https://valley.example/2026/sarvan",
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode); // accepted for the indexer, not yet indexed
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Matches("^[0-9]+-[0-9]+$", accepted.GetProperty("id").GetString()!);
        Assert.True(await EveryReplicaCitesAsync(OrchardQuestion, OrchardFact, posted), $"not every replica cited the posted article within {CitedWithin}");
    }

    [Fact]
    public async Task AReplicaStartedLate_IsNotReadyUntilItHoldsTheIndexersRevision_ThenCitesWhatTheIndexerHas()
    {
        await File.WriteAllTextAsync(Path.Combine(cluster.Corpus.Path, "2026-05-01-lantern-festival.md"), DatedArticles.Article(
            "Lantern festival returns", "2026-05-01T18:00:00+00:00", "Old Town News", "https://oldtown.example/2026/lanterns", "en",
            "The Ostrava lantern festival drew 41,000 visitors to the river banks on Friday night, the organisers said."));
        Assert.True(await Eventually.HoldsAsync(() => IndexCluster.CitesAsync(cluster.Indexer, LanternQuestion, LanternFact)), "the indexer never indexed the article");
        var (_, indexerHealth) = await IndexCluster.HealthAsync(cluster.Indexer);

        var late = await cluster.StartReplicaAsync();
        var statuses = new List<HttpStatusCode>();
        var (status, health) = await IndexCluster.HealthAsync(late);
        while (status != HttpStatusCode.OK)
        {
            statuses.Add(status);
            Assert.Equal("loading", health.GetProperty("status").GetString());
            Assert.False(health.TryGetProperty("revision", out _)); // nothing served, so no revision told
            (status, health) = await IndexCluster.HealthAsync(late);
        }

        // Ready means caught up: the revision the indexer had published (or a newer one), never an empty index.
        Assert.Equal("Replica", health.GetProperty("role").GetString());
        Assert.True(Generation(health) >= Generation(indexerHealth), $"late replica ready at {health} behind the indexer's {indexerHealth}");
        Assert.True(await IndexCluster.CitesAsync(late, LanternQuestion, LanternFact));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-the-cluster-secret-at-all", HttpStatusCode.Unauthorized)]
    [InlineData(IndexCluster.Secret, HttpStatusCode.OK)]
    public async Task TheReplicationEndpoint_AnswersOnlyTheClusterSecret(string? secret, HttpStatusCode expected)
    {
        using var client = new HttpClient { BaseAddress = cluster.Indexer.Address };
        if (secret is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await client.GetAsync(new Uri("/internal/replication/index/update", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (expected == HttpStatusCode.OK) Assert.Equal(1, body[0]); // a session token follows: the current revision
        else Assert.Contains("cluster secret", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplica_ServesNoReplication()
    {
        using var client = new HttpClient { BaseAddress = cluster.Replicas[0].Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IndexCluster.Secret);
        using var response = await client.GetAsync(new Uri("/internal/replication/index/update", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static long Generation(JsonElement health) => Convert.ToInt64(health.GetProperty("revision").GetString(), 16);
}
