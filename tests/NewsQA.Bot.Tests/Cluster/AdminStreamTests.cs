using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Bot.Cluster;
using NewsQA.Bot.Hosting;
using NewsQA.Core.Cluster;
using NewsQA.Core.Configuration;
using NewsQA.Core.Corpus;
using NewsQA.Core.State;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests.Cluster;

/// <summary>
/// The admin stream against a real redis-server: an entry the indexer applied but did not acknowledge (killed in
/// between) is handed back first after its restart, applied again without a second article, then acknowledged.
/// </summary>
public sealed class AdminStreamTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private readonly LiveCorpus _corpus = new();

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        _corpus.Dispose();
    }

    // One start of the indexer's side: its own connection, corpus writer and consumer, as after a restart.
    private (AdminArticleStream Stream, AdminArticleConsumer Consumer, RecordingListener Changes, RedisConnection Redis) StartIndexer()
    {
        var redis = new RedisConnection(Options.Create(new RedisOptions { Configuration = _redis.Configuration }));
        var corpus = Options.Create(new CorpusOptions { Path = _corpus.Path });
        var stream = new AdminArticleStream(redis);
        var changes = new RecordingListener();
        var consumer = new AdminArticleConsumer(stream, new CorpusArticleWriter(corpus), new CorpusFolder(corpus), changes, new IndexHolder(),
            Options.Create(new ClusterOptions { Role = ClusterRole.Indexer }), TimeProvider.System, NullLogger<AdminArticleConsumer>.Instance);
        return (stream, consumer, changes, redis);
    }

    [Fact]
    public async Task AnEntryAppliedButNotAcknowledged_IsAppliedOnceAfterTheIndexerRestarts()
    {
        var seeds = Directory.GetFiles(_corpus.Path).Length;
        var first = StartIndexer();
        await first.Stream.CreateGroupAsync();
        var submission = new ArticleSubmission("Ferry line reopens", "The Korvan ferry line reopened on Tuesday with four daily crossings, the operator said.",
            null, "https://harbour.example/2026/ferry", "2026-02-03", null, null);
        var id = await new AdminArticleStream(first.Redis).AddArticleAsync(JsonSerializer.Serialize(submission, JsonBody.Options));

        var delivered = Assert.Single(await first.Stream.ReadAsync(16));
        Assert.Equal(id, delivered.Id);
        await first.Consumer.ApplyAsync(delivered, CancellationToken.None); // written and indexed ...
        await first.Redis.DisposeAsync(); // ... and the indexer killed before XACK
        Assert.Single(Assert.Single(first.Changes.Told));

        var second = StartIndexer();
        await second.Stream.CreateGroupAsync(); // the group exists: kept as it was
        var again = Assert.Single(await second.Stream.ReadAsync(16)); // the pending entry comes back first
        Assert.Equal(id, again.Id);
        await second.Consumer.ApplyAsync(again, CancellationToken.None);
        await second.Stream.AcknowledgeAsync(again.Id);

        Assert.Equal(seeds + 1, Directory.GetFiles(_corpus.Path).Length); // one article, not two
        Assert.Empty(second.Changes.Told); // nothing new for the index the second time
        Assert.Equal(0, await second.Stream.PendingAsync());
        Assert.Empty(await second.Stream.ReadAsync(16));
        await second.Redis.DisposeAsync();
    }

    private sealed class RecordingListener : ICorpusChangeListener
    {
        public List<IReadOnlyCollection<string>> Told { get; } = [];

        public Task CorpusChangedAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken)
        {
            Told.Add(paths);
            return Task.CompletedTask;
        }
    }
}
