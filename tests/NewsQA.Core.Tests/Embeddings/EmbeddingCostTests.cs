using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Embeddings;
using NewsQA.Core.Indexing;
using NewsQA.Core.Tests.Support;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Embeddings;

/// <summary>
/// Embeddings paid for once, through the wiring the hosts get (AI:Provider=OpenAICompatible against a model server on
/// loopback that counts its requests): batches of AI:EmbeddingBatchSize, AI:EmbeddingDimensions sent, 429s retried,
/// and a rebuilt index embedding nothing again.
/// </summary>
public sealed class EmbeddingCostTests : IAsyncLifetime
{
    private LoopbackModelServer _model = null!;
    private readonly TempFolder _temp = new();

    public async Task InitializeAsync() => _model = await LoopbackModelServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _model.DisposeAsync();
        _temp.Dispose();
    }

    private ServiceProvider Services(int batchSize = 10) =>
        new ServiceCollection().AddSingleton<IConfiguration>(Configuration(batchSize)).AddLogging().AddNewsQA(Configuration(batchSize)).BuildServiceProvider();

    private IConfiguration Configuration(int batchSize) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AI:Provider"] = "OpenAICompatible",
        ["AI:Endpoint"] = _model.Endpoint.ToString(),
        ["AI:ChatModel"] = "test-model",
        ["AI:EmbeddingModel"] = "test-embed",
        ["AI:ApiKey"] = "test-key",
        ["AI:EmbeddingBatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AI:EmbeddingConcurrency"] = "3",
        ["AI:EmbeddingDimensions"] = "3",
    }).Build();

    private async Task<IndexUpdate> IndexAsync(string corpus)
    {
        await using var services = Services();
        var update = await services.GetRequiredService<CorpusIndexer>().UpdateAsync(corpus, _temp.File("index"));
        update.Live.Dispose();
        return update;
    }

    [Fact]
    public async Task AFirstRun_SendsFullBatchesAcrossArticles_WithTheDimensions_AndCountsTheirTokens()
    {
        var update = await IndexAsync(_temp.CopySeeds());

        var requests = _model.Requests.ToList();
        Assert.Equal(73, update.Embedded);
        Assert.Equal(0, update.Reused);
        Assert.Equal(8, requests.Count); // 73 passages of five articles in batches of 10, not one request per article
        Assert.All(requests, r => Assert.Equal(3, r.Body.GetProperty("dimensions").GetInt32()));
        Assert.All(requests, r => Assert.InRange(r.Body.GetProperty("input").GetArrayLength(), 1, 10));
        var sent = requests.SelectMany(r => r.Body.GetProperty("input").EnumerateArray().Select(e => e.GetString()!)).ToList();
        Assert.Equal(sent.Sum(t => (long)EmbeddingTokens.Count(t)), update.EmbeddingTokens);
        Assert.True(update.EmbeddingTokens > 73);
    }

    [Fact]
    public async Task ARebuiltIndex_OfAnUnchangedCorpus_MakesNoEmbeddingCalls()
    {
        var corpus = _temp.CopySeeds();
        await IndexAsync(corpus);
        var first = _model.Requests.Count;
        // Lose the Lucene index (what a damaged folder or a changed layout leads to): the rebuild reads the cache.
        foreach (var file in Directory.EnumerateFiles(_temp.File("index"))) File.Delete(file);

        var rebuilt = await IndexAsync(corpus);

        Assert.True(first > 0);
        Assert.Equal(first, _model.Requests.Count);
        Assert.Equal((0, 73), (rebuilt.Embedded, rebuilt.Reused));
        Assert.Equal(73, rebuilt.Passages);
    }

    [Fact]
    public async Task ALostVectorIndex_IsRebuiltFromTheIndexFolder_WithoutAnEmbeddingCall()
    {
        var corpus = _temp.CopySeeds();
        await IndexAsync(corpus);
        var first = _model.Requests.Count;
        var vectors = Path.Combine(_temp.File("index"), "vectors");
        var lost = Directory.EnumerateFiles(vectors, "_*").ToList();
        Assert.NotEmpty(lost); // the matrices the index's snapshot was warmed with
        foreach (var file in lost) File.Delete(file);

        var reopened = await IndexAsync(corpus);

        Assert.Equal(first, _model.Requests.Count);
        Assert.Equal((0, 0, 5), (reopened.Embedded, reopened.Reused, reopened.Unchanged));
        Assert.Equal(lost.Order(StringComparer.Ordinal), Directory.EnumerateFiles(vectors, "_*").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnArticleWithOneNewParagraph_EmbedsOnlyThatParagraph()
    {
        var corpus = _temp.CopySeeds();
        await IndexAsync(corpus);
        var first = _model.Requests.Count;
        await File.AppendAllTextAsync(Path.Combine(corpus, "003_c19a34fae10a2c98.txt"), "\n\nفقرة جديدة أضيفت إلى المقال بعد نشره لاختبار التحديث التدريجي للفهرس.\n");

        var update = await IndexAsync(corpus);

        Assert.Equal(1, update.Changed);
        Assert.Equal(1, update.Embedded);
        Assert.Equal(first + 1, _model.Requests.Count);
    }

    [Fact]
    public async Task ARateLimitedRequest_IsRetried_AndTheRunCompletes()
    {
        _model.EmbeddingFailures.Enqueue(429);

        var update = await IndexAsync(_temp.CopySeeds());

        Assert.Equal(73, update.Passages);
        Assert.Equal(73, update.Embedded);
        Assert.Equal(9, _model.Requests.Count); // the 8 batches and the refused one again
    }

    [Fact]
    public async Task ARateLimitedRequest_WaitsTheRetryAfterItWasGiven_BeforeTryingAgain()
    {
        // Three seconds: more than the back-off the retry would otherwise take (about a second, with jitter).
        _model.EmbeddingRetryAfter = "3";
        _model.EmbeddingFailures.Enqueue(429);
        await using var services = Services(batchSize: 100); // one request for the whole corpus, then its retry
        var update = await services.GetRequiredService<CorpusIndexer>().UpdateAsync(_temp.CopySeeds(), _temp.File("index"));
        update.Live.Dispose();

        var arrivals = _model.EmbeddingArrivals.ToList();
        Assert.Equal(2, arrivals.Count);
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromSeconds(2.9), $"retried after {(arrivals[1] - arrivals[0]).TotalSeconds:0.00} s");
        Assert.Equal(73, update.Embedded);
    }

    [Fact]
    public async Task AnIndexingRun_ReportsItsEmbeddingProgress_UpToEveryPassageSent()
    {
        var reports = new List<IndexProgress>();
        await using var services = Services();
        var update = await services.GetRequiredService<CorpusIndexer>().UpdateAsync(_temp.CopySeeds(), _temp.File("index"), new SynchronousProgress<IndexProgress>(reports.Add));
        update.Live.Dispose();

        var embedding = reports.Where(r => r.PassagesToEmbed > 0).ToList();
        Assert.NotEmpty(embedding);
        Assert.Equal((73L, 73L, 0L, update.EmbeddingTokens), (embedding[^1].PassagesToEmbed, embedding[^1].Embedded, embedding[^1].Reused, embedding[^1].EmbeddingTokens));
        Assert.All(embedding.Zip(embedding.Skip(1)), pair => Assert.True(pair.Second.Embedded >= pair.First.Embedded && pair.Second.PassagesToEmbed >= pair.First.PassagesToEmbed));
        Assert.All(embedding, r => Assert.True(r.Embedded + r.Reused <= r.PassagesToEmbed));
    }
}
