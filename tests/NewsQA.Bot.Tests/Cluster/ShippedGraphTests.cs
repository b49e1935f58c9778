using System.Net;
using System.Net.Http.Headers;
using NewsQA.Core.Cluster;
using NewsQA.Core.Indexing;
using NewsQA.Core.Indexing.Vectors;
using NewsQA.Core.Retrieval;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests.Cluster;

/// <summary>
/// Issue 22, "on every replica": a replica gets each segment's HNSW graph from the indexer, which has built the very same
/// file, instead of building it again; when the fetch fails it builds the graph itself. The replica here runs in the test
/// (<see cref="IndexReplica"/>, as the replica service wires it), so the test can hold its graph builds; the indexer is
/// the service as a process, embedding through a loopback model server, every segment given a graph
/// (Retrieval:VectorExactBelow 0).
/// </summary>
public sealed class ShippedGraphTests(ShippedGraphTests.Cluster cluster, BotFactory standalone)
    : IClassFixture<ShippedGraphTests.Cluster>, IClassFixture<BotFactory>, IDisposable
{
    private const int Dimensions = 16;
    private static readonly VectorIndexSettings Graphs = new(ExactBelow: 0);
    private static readonly VectorIndexSettings ExactOnly = new(ExactBelow: int.MaxValue);

    // While the indexer may still be building its graphs (it starts as it publishes), the replica asks again every 100 ms
    // for as long as the test waits.
    private static readonly TimeSpan[] UntilPatienceRunsOut = [.. Enumerable.Repeat(TimeSpan.FromMilliseconds(100), (int)(Eventually.Patience / TimeSpan.FromMilliseconds(100)))];

    private readonly string _replicaPath = Path.Combine(Path.GetTempPath(), "newsqa-shipped-graphs", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AReplica_ServesTheIndexersFinishedGraph_WithoutBuildingOne()
    {
        await SegmentVectors.Builders.WaitAsync(); // no graph can be built in this process while the test holds it
        try
        {
            using var graphs = new IndexerGraphs(cluster.Indexer.Address, IndexCluster.Secret, UntilPatienceRunsOut);
            using var replica = new IndexReplica(_replicaPath, cluster.Indexer.Address, IndexCluster.Secret, Graphs, graphs);
            Assert.True(replica.Update());
            using var lease = replica.Live!.Acquire();

            Assert.True(await Eventually.HoldsAsync(() => AllGraphsServe(lease.Index)), "the replica's graphs never served while it could not build them");
            var fetched = Directory.GetFiles(Path.Combine(_replicaPath, VectorFiles.FolderName), "*.usearch");
            Assert.NotEmpty(fetched);
            Assert.All(fetched, file => Assert.Equal(File.ReadAllBytes(GraphFileName.PathIn(cluster.IndexPath, Path.GetFileName(file))), File.ReadAllBytes(file)));
            AssertSameNeighboursAsAnExactScan(lease.Index, Graphs);
        }
        finally
        {
            SegmentVectors.Builders.Release();
        }
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)] // the indexer has not finished the graph
    [InlineData(HttpStatusCode.OK)] // bytes that are no graph
    public async Task AReplicaWhoseFetchFails_BuildsTheGraphItself_AndFindsTheExactNeighbours(HttpStatusCode status)
    {
        var damaged = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray();
        await using var indexer = await FixedReplyServer.StartAsync((int)status, status == HttpStatusCode.OK ? damaged : []);
        using var graphs = new IndexerGraphs(indexer.Address, IndexCluster.Secret, retries: []);
        using var replica = new IndexReplica(_replicaPath, cluster.Indexer.Address, IndexCluster.Secret, Graphs, graphs);
        Assert.True(replica.Update());
        using var lease = replica.Live!.Acquire();

        Assert.True(await Eventually.HoldsAsync(() => AllGraphsServe(lease.Index)), "the replica never built its graphs after the fetch failed");
        Assert.True(indexer.Requests > 0, "the replica never asked for a graph");
        var built = Directory.GetFiles(Path.Combine(_replicaPath, VectorFiles.FolderName), "*.usearch");
        Assert.NotEmpty(built);
        Assert.All(built, file => Assert.NotEqual(damaged, File.ReadAllBytes(file)));
        AssertSameNeighboursAsAnExactScan(lease.Index, Graphs);
    }

    [Fact]
    public async Task TheGraphEndpoint_StreamsAFinishedGraph_ToTheClusterSecretOnly()
    {
        var name = await FinishedGraphAsync();
        var bytes = await File.ReadAllBytesAsync(GraphFileName.PathIn(cluster.IndexPath, name));

        using var withSecret = await GetGraphAsync(cluster.Indexer, name, IndexCluster.Secret);
        Assert.Equal(HttpStatusCode.OK, withSecret.StatusCode);
        Assert.Equal(bytes, await withSecret.Content.ReadAsByteArrayAsync());
        Assert.Equal(bytes.Length, withSecret.Content.Headers.ContentLength);

        using var withoutSecret = await GetGraphAsync(cluster.Indexer, name, null);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutSecret.StatusCode);
        using var wrongSecret = await GetGraphAsync(cluster.Indexer, name, "not-the-cluster-secret-at-all");
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
    }

    [Theory]
    [InlineData("_zz-1767225600000-3-16-f16.usearch")] // a graph the indexer has not finished (or never had)
    [InlineData("_zz-1767225600000-3-16-i8.usearch")] // a graph of another quantization than the indexer's
    [InlineData("_0-1767225600000-3-16.f32")] // a packed matrix, derived on each replica
    [InlineData("segments_1")]
    [InlineData("embeddings-test-embed.bin")]
    [InlineData("..%2F..%2Fappsettings.json")]
    [InlineData("..%2Fsegments_1")]
    [InlineData("%2Fetc%2Fpasswd")]
    public async Task TheGraphEndpoint_ServesNothingButFinishedGraphs(string file)
    {
        using var response = await GetGraphAsync(cluster.Indexer, file, IndexCluster.Secret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheGraphEndpoint_IsAbsentOnAStandaloneService()
    {
        var name = await FinishedGraphAsync();
        using var client = standalone.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IndexCluster.Secret);

        using var response = await client.GetAsync(new Uri($"{IndexerGraphs.EndpointPath}/{name}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_replicaPath, recursive: true);
        }
        catch (IOException)
        {
            // A graph still mapped while its segment closes: a leftover temp folder is harmless.
        }
    }

    private static bool AllGraphsServe(PassageIndex index) =>
        VectorSearcher.GraphProgress(index, Graphs) is var (built, total) && total > 0 && built == total;

    // Every passage's own vector as a question: the graph answers with the exact scan's neighbours.
    private static void AssertSameNeighboursAsAnExactScan(PassageIndex index, VectorIndexSettings settings)
    {
        foreach (var text in new[] { "harbour", "orchard", "lantern", "a question about the budget", "rain" })
        {
            var query = FakeEmbedding(text);
            var exact = VectorSearcher.Search(index, query, 5, settings: ExactOnly).Select(p => p.PassageNumber);
            Assert.Equal(exact, VectorSearcher.Search(index, query, 5, settings: settings).Select(p => p.PassageNumber));
        }
    }

    // The name of a graph the indexer has finished (its file exists only once whole).
    private async Task<string> FinishedGraphAsync()
    {
        var folder = Path.Combine(cluster.IndexPath, VectorFiles.FolderName);
        string? name = null;
        Assert.True(await Eventually.HoldsAsync(() => (name = Directory.Exists(folder) ? Directory.GetFiles(folder, "*-f16.usearch").Select(Path.GetFileName).FirstOrDefault() : null) is not null), "the indexer never finished a graph");
        return name!;
    }

    private static async Task<HttpResponseMessage> GetGraphAsync(BotProcess process, string file, string? secret)
    {
        using var client = new HttpClient { BaseAddress = process.Address };
        if (secret is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return await client.GetAsync(new Uri($"{IndexerGraphs.EndpointPath}/{file}", UriKind.Relative));
    }

    // A unit vector drawn from a hash of the text: the same text always lands on the same point, texts spread apart.
    private static float[] FakeEmbedding(string text)
    {
        var random = new Random(text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)));
        var vector = Enumerable.Range(0, Dimensions).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var length = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / length)];
    }

    /// <summary>An indexer whose every segment gets a graph, embedding through its loopback model server, its index in a known folder.</summary>
    public sealed class Cluster : IndexCluster
    {
        protected override int ReplicaCount => 0;

        public LoopbackModelServer Model { get; private set; } = null!;

        public string IndexPath { get; } = Path.Combine(Path.GetTempPath(), "newsqa-shipped-graphs", Guid.NewGuid().ToString("N"), "index");

        public override async Task InitializeAsync()
        {
            Model = await LoopbackModelServer.StartAsync();
            Model.Embed = FakeEmbedding;
            await base.InitializeAsync();
        }

        protected override void AddSettings(Dictionary<string, string> settings)
        {
            settings["NEWSQA_Index__Path"] = IndexPath;
            settings["NEWSQA_Retrieval__VectorExactBelow"] = "0";
            UseModel(settings, Model);
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await Model.DisposeAsync();
            try
            {
                Directory.Delete(Path.GetDirectoryName(IndexPath)!, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
