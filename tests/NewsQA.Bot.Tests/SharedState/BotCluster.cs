using Microsoft.Extensions.Options;
using NewsQA.Core.Conversations;
using NewsQA.Core.State;
using NewsQA.Testing;
using StackExchange.Redis;

namespace NewsQA.Bot.Tests.SharedState;

/// <summary>
/// Several bot processes sharing state through one Redis server, all started by the test on loopback: each process
/// from the build output over its own copy of the index, with Redis:Configuration and one Direct Line signing key, as
/// docs/scale-out.md sets them up. Started once per test class (three processes unless the class says otherwise);
/// a test that kills a process starts an extra one for it.
/// </summary>
public class BotCluster : IAsyncLifetime
{
    private const string SigningKey = "cluster-test-signing-key-0123456789";
    private readonly List<BotProcess> _extra = [];
    private ConnectionMultiplexer? _redisClient;

    protected virtual int Size => 3;

    public RedisServer Redis { get; private set; } = null!;

    public List<BotProcess> Processes { get; } = [];

    public List<HttpClient> Clients { get; } = [];

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        await StartProcessesAsync();
    }

    /// <summary>Starts the cluster's processes (again, after <see cref="KillProcessesAsync"/>).</summary>
    public async Task StartProcessesAsync()
    {
        var started = await Task.WhenAll(Enumerable.Range(0, Size).Select(_ => StartProcessAsync()));
        Processes.AddRange(started);
        Clients.AddRange(started.Select(p => new HttpClient { BaseAddress = p.Address }));
    }

    /// <summary>Kills every process of the cluster (kill -9).</summary>
    public async Task KillProcessesAsync()
    {
        foreach (var process in Processes) await process.DisposeAsync();
        foreach (var client in Clients) client.Dispose();
        Processes.Clear();
        Clients.Clear();
    }

    /// <summary>One more process on the same Redis, ready to answer, disposed with the cluster (a test may kill it first).</summary>
    public async Task<BotProcess> StartExtraAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var process = await StartProcessAsync(settings);
        lock (_extra) _extra.Add(process);
        return process;
    }

    /// <summary>The follow-up history Redis holds for a conversation key (see ConversationKeys): its version and turns.</summary>
    public async Task<(long Version, List<ConversationTurn> Turns)> StoredConversationAsync(string conversationKey)
    {
        var values = await Database().HashGetAsync($"newsqa:conv:{conversationKey}", ["v", "turns"]);
        return (values[0].HasValue ? (long)values[0] : 0, values[1].HasValue ? ConversationJson.Read((byte[])values[1]!) : []);
    }

    /// <summary>Whether an activity of the conversation is recorded as answered.</summary>
    public Task<bool> AnsweredAsync(string conversationKey, string activityId) => Database().KeyExistsAsync($"newsqa:answered:{conversationKey}|{activityId}");

    /// <summary>A connection of the test's own, to look at what the processes stored.</summary>
    public RedisConnection Connection() => new(Options.Create(new RedisOptions { Configuration = Redis.Configuration }));

    private IDatabase Database()
    {
        _redisClient ??= ConnectionMultiplexer.Connect(Redis.Configuration);
        return _redisClient.GetDatabase();
    }

    private async Task<BotProcess> StartProcessAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["NEWSQA_Redis__Configuration"] = Redis.Configuration,
            ["NEWSQA_DirectLine__TokenSigningKey"] = SigningKey,
            ["NEWSQA_Bot__TeamsStreamIntervalMilliseconds"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        var process = await BotProcess.StartAsync(environment);
        await process.WaitUntilReadyAsync();
        return process;
    }

    public async Task DisposeAsync()
    {
        await KillProcessesAsync();
        foreach (var process in _extra) await process.DisposeAsync();
        if (_redisClient is not null) await _redisClient.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
