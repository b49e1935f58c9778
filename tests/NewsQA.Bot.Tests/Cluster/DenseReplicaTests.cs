using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsQA.Bot.Cluster;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests.Cluster;

/// <summary>
/// Issue 22, "on every replica": an indexer and a replica with a provider's embeddings (each its own loopback model
/// server, whose fake embedding puts the new passage and a keyword-free paraphrase of its question on the same axis).
/// The replica answers the paraphrase from its dense leg over the revision it holds, having embedded only the question:
/// the passages' vectors come with the revision and its vector files are derived from them, never from the provider.
/// </summary>
public sealed class DenseReplicaTests(DenseReplicaTests.Cluster cluster) : IClassFixture<DenseReplicaTests.Cluster>
{
    private const string HarbourQuestion = "Who was appointed harbour master of the port of Velmora?";
    private const string HarbourFact = "Quillon Varga";

    // Shares no word with the passage: only an embedding that puts it beside the passage finds the passage.
    private const string Paraphrase = "Which person now holds the keys to the quay?";

    // The same words, embedded away from the passage (the replica keeps a question's embedding, so the control is
    // another text): what the keyword leg alone finds.
    private const string Control = "Which person now holds the keys to the quay, then?";

    [Fact]
    public async Task AReplica_AnswersAKeywordFreeParaphrase_FromItsDenseLeg_OverTheRevisionItHolds_EmbeddingOnlyTheQuestion()
    {
        await File.WriteAllTextAsync(Path.Combine(cluster.Corpus.Path, "2026-03-02-velmora-harbour.md"), DatedArticles.Article(
            "Velmora names a harbour master", "2026-03-02T09:00:00+00:00", "Coast Herald", "https://coast.example/2026/velmora", "en",
            $"The port of Velmora appointed {HarbourFact} as its harbour master on Monday, the port authority said."));
        Assert.True(await Eventually.HoldsAsync(() => IndexCluster.CitesAsync(cluster.Indexer, HarbourQuestion, HarbourFact)), "the indexer never indexed the article");
        var (_, indexerHealth) = await IndexCluster.HealthAsync(cluster.Indexer);
        var replica = cluster.Replicas[0];
        Assert.True(await Eventually.HoldsAsync(async () => Generation((await IndexCluster.HealthAsync(replica)).Body) >= Generation(indexerHealth)), "the replica never pulled the article's revision");

        Assert.False((await AskAsync(replica, Control)).Cites);

        var (_, before) = await IndexCluster.HealthAsync(replica);
        var (cites, revision) = await AskAsync(replica, Paraphrase);

        Assert.True(cites, "the replica's dense leg did not find the passage of the revision it holds");
        Assert.Equal(before.GetProperty("revision").GetString(), revision); // both legs read the revision /healthz reports
        var embedded = cluster.ReplicaModel.Requests.Where(r => r.Body.TryGetProperty("input", out _))
            .SelectMany(r => r.Body.GetProperty("input").EnumerateArray().Select(e => e.GetString()!)).ToList();
        Assert.Equal(2, embedded.Count); // the two questions asked, once each, and no passage
        Assert.Single(embedded, input => input.StartsWith(Control, StringComparison.Ordinal));
        Assert.Single(embedded, input => input.StartsWith(Paraphrase, StringComparison.Ordinal));
        Assert.Contains(cluster.IndexerModel.Requests, r => r.Body.TryGetProperty("input", out var input) && input.ToString().Contains(HarbourFact, StringComparison.Ordinal));
    }

    // The replica's answer to the question: whether it cites the harbour passage, and the revision it was answered from.
    private static async Task<(bool Cites, string? Revision)> AskAsync(BotProcess process, string question)
    {
        using var client = new HttpClient { BaseAddress = process.Address };
        using var response = await client.PostAsJsonAsync("/api/ask", new { question });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var cites = answer.GetProperty("citations").EnumerateArray().Any(c => c.GetProperty("text").GetString()!.Contains(HarbourFact, StringComparison.Ordinal));
        return (cites, response.Headers.TryGetValues(ClusterHealth.RevisionHeader, out var values) ? values.Single() : null);
    }

    // Unit vectors on eight axes: the harbour passage and the paraphrase on axis 0, the control on axis 7, every other
    // text on one of axes 1 to 7 by a hash of its text.
    private static float[] FakeEmbedding(string text)
    {
        var axis = text.Contains(HarbourFact, StringComparison.Ordinal) || text.StartsWith(Paraphrase, StringComparison.Ordinal) ? 0
            : text.StartsWith(Control, StringComparison.Ordinal) ? 7
            : 1 + (int)(text.Aggregate(17u, (hash, c) => unchecked((hash * 31) + c)) % 7);
        var vector = new float[8];
        vector[axis] = 1f;
        return vector;
    }

    private static long Generation(JsonElement health) =>
        health.TryGetProperty("revision", out var revision) ? Convert.ToInt64(revision.GetString(), 16) : -1;

    /// <summary>One indexer and one replica, each embedding through its own loopback model server.</summary>
    public sealed class Cluster : IndexCluster
    {
        protected override int ReplicaCount => 1;

        public LoopbackModelServer IndexerModel { get; private set; } = null!;

        public LoopbackModelServer ReplicaModel { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            IndexerModel = await LoopbackModelServer.StartAsync();
            ReplicaModel = await LoopbackModelServer.StartAsync();
            foreach (var model in new[] { IndexerModel, ReplicaModel })
            {
                model.Embed = FakeEmbedding;
                model.Reply = r => r.IsAnswer && r.PassageContaining(HarbourFact) is > 0 and var n
                    ? [$"{HarbourFact} was appointed harbour master of the port of Velmora ", $"[{n}]", "."]
                    : ["NOT_FOUND"];
            }

            await base.InitializeAsync();
        }

        protected override void AddSettings(Dictionary<string, string> settings)
        {
            UseModel(settings, settings["NEWSQA_Cluster__Role"] == "Replica" ? ReplicaModel : IndexerModel);
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await IndexerModel.DisposeAsync();
            await ReplicaModel.DisposeAsync();
        }
    }
}
