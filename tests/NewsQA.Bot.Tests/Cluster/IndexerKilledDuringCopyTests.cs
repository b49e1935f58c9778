using System.Net;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests.Cluster;

/// <summary>
/// Issue 21, test 4's last part: the indexer killed (kill -9) while the replicas copy a new revision leaves every replica
/// serving the revision it had, and answering from it. A cluster of its own, since the test kills its indexer.
/// </summary>
public sealed class IndexerKilledDuringCopyTests(IndexerKilledDuringCopyTests.Cluster cluster) : IClassFixture<IndexerKilledDuringCopyTests.Cluster>
{
    public sealed class Cluster : IndexCluster;

    [Fact]
    public async Task TheIndexerKilledDuringACopy_LeavesEveryReplicaServingThePreviousRevision()
    {
        var before = await Task.WhenAll(cluster.Replicas.Select(IndexCluster.HealthAsync));
        Assert.All(before, h => Assert.Equal(HttpStatusCode.OK, h.Status));
        var revision = before[0].Body.GetProperty("revision").GetString();
        Assert.All(before, h => Assert.Equal(revision, h.Body.GetProperty("revision").GetString()));

        cluster.Proxy.HoldCopies = true;
        await File.WriteAllTextAsync(Path.Combine(cluster.Corpus.Path, "2026-06-07-glass-bridge.md"), DatedArticles.Article(
            "Glass bridge opens", "2026-06-07T08:00:00+00:00", "Canyon Times", "https://canyon.example/2026/bridge", "en",
            "The Brennoch glass bridge opened to walkers on Saturday after 19 months of work, the county said."));
        await cluster.Proxy.CopyHeld.WaitAsync(Eventually.Patience); // a replica is part-way through the new revision's files
        await cluster.Indexer.KillAsync();
        cluster.Proxy.CutHeldCopies();

        // Each replica's pull of the new revision fails; each still serves the one it had, and answers from it.
        foreach (var replica in cluster.Replicas)
        {
            var (status, health) = await IndexCluster.HealthAsync(replica);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(revision, health.GetProperty("revision").GetString());
            Assert.True(await IndexCluster.CitesAsync(replica, "من هو المتحدث باسم الحشد الشعبي؟", "كريم النوري"));
            Assert.False(await IndexCluster.CitesAsync(replica, "When did the Brennoch glass bridge open?", "Brennoch glass bridge"));
            Assert.True(replica.Running);
        }
    }
}
