using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests.Cluster;

/// <summary>
/// A cluster as docs/scale-out.md sets one up, on loopback: a Redis server, one indexer over a writable copy of the
/// seed articles, and replicas that pull the index from it (through a <see cref="HoldingProxy"/>, which passes
/// everything on unless a test holds a copy). Each process is the service from its build output, started by the test.
/// </summary>
public class IndexCluster : IAsyncLifetime
{
    public const string AdminKey = "cluster-test-admin-key-0123456789";
    public const string Secret = "cluster-test-secret-0123456789";
    private const string SigningKey = "cluster-test-signing-key-0123456789";
    private readonly List<BotProcess> _processes = [];

    protected virtual int ReplicaCount => 2;

    public RedisServer Redis { get; private set; } = null!;

    public LiveCorpus Corpus { get; } = new();

    public BotProcess Indexer { get; private set; } = null!;

    public HoldingProxy Proxy { get; private set; } = null!;

    public List<BotProcess> Replicas { get; } = [];

    public virtual async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        Indexer = await StartAsync(new() { ["NEWSQA_Cluster__Role"] = "Indexer", ["NEWSQA_Corpus__Path"] = Corpus.Path });
        await Indexer.WaitUntilReadyAsync();
        Proxy = await HoldingProxy.StartAsync(Indexer.Address);
        Replicas.AddRange(await Task.WhenAll(Enumerable.Range(0, ReplicaCount).Select(_ => StartReplicaAsync())));
        await Task.WhenAll(Replicas.Select(r => r.WaitUntilReadyAsync()));
    }

    /// <summary>A replica pulling through the proxy; not waited for (a test may look at it before it is ready).</summary>
    public Task<BotProcess> StartReplicaAsync() => StartAsync(new() { ["NEWSQA_Cluster__Role"] = "Replica", ["NEWSQA_Cluster__IndexerUrl"] = Proxy.Address.AbsoluteUri });

    /// <summary>GET /healthz: its status code and body.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(BotProcess process)
    {
        using var client = new HttpClient { BaseAddress = process.Address };
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>Whether the process's answer to <paramref name="question"/> cites a passage containing <paramref name="fact"/>.</summary>
    public static async Task<bool> CitesAsync(BotProcess process, string question, string fact)
    {
        using var client = new HttpClient { BaseAddress = process.Address };
        using var response = await client.PostAsJsonAsync("/api/ask", new { question });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return answer.GetProperty("citations").EnumerateArray().Any(c => c.GetProperty("text").GetString()!.Contains(fact, StringComparison.Ordinal));
    }

    /// <summary>Settings that make a process embed and answer through <paramref name="model"/> (an OpenAI-compatible loopback server).</summary>
    protected static void UseModel(Dictionary<string, string> settings, LoopbackModelServer model)
    {
        settings["NEWSQA_AI__Provider"] = "OpenAICompatible";
        settings["NEWSQA_AI__Endpoint"] = model.Endpoint.ToString();
        settings["NEWSQA_AI__ChatModel"] = "test-model";
        settings["NEWSQA_AI__EmbeddingModel"] = "test-embed";
        settings["NEWSQA_AI__ApiKey"] = "test-key";
    }

    /// <summary>Settings a cluster of a test adds to a process's (its role is settings["NEWSQA_Cluster__Role"]).</summary>
    protected virtual void AddSettings(Dictionary<string, string> settings)
    {
    }

    private async Task<BotProcess> StartAsync(Dictionary<string, string> settings)
    {
        AddSettings(settings);
        settings["NEWSQA_Redis__Configuration"] = Redis.Configuration;
        settings["NEWSQA_Cluster__Secret"] = Secret;
        settings["NEWSQA_DirectLine__TokenSigningKey"] = SigningKey;
        settings["NEWSQA_Admin__ApiKey"] = AdminKey;
        var process = await BotProcess.StartAsync(settings);
        lock (_processes) _processes.Add(process);
        return process;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var process in _processes) await process.DisposeAsync();
        if (Proxy is not null) await Proxy.DisposeAsync();
        if (Redis is not null) await Redis.DisposeAsync();
        Corpus.Dispose();
    }
}
