using Microsoft.Extensions.Options;
using NewsQA.Core.State;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Support;

/// <summary>One redis-server for a test class; each connection it hands out writes under a key prefix of its own.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private readonly List<RedisConnection> _connections = [];

    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServer.StartAsync();

    /// <summary>A connection whose keys no other test shares.</summary>
    public RedisConnection Connect()
    {
        var connection = new RedisConnection(Options.Create(new RedisOptions { Configuration = Server.Configuration, KeyPrefix = "t" + Guid.NewGuid().ToString("N") }));
        lock (_connections) _connections.Add(connection);
        return connection;
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
        await Server.DisposeAsync();
    }
}
