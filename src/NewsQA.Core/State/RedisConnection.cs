using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace NewsQA.Core.State;

/// <summary>
/// The one connection to Redis a process shares (StackExchange.Redis multiplexes every command and subscription over
/// it, and reconnects by itself after a failure), opened on first use, and the names of NewsQA's keys under
/// Redis:KeyPrefix. The first connection must succeed: a server that cannot be reached then is a setting to fix.
/// </summary>
public sealed class RedisConnection(IOptions<RedisOptions> options) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectAsync(options.Value));

    /// <summary>A key under the prefix: Key("conv", id) is "newsqa:conv:{id}".</summary>
    public string Key(params string[] parts) => $"{options.Value.KeyPrefix}:{string.Join(':', parts)}";

    public async Task<IDatabase> DatabaseAsync() => (await _connection.Value.ConfigureAwait(false)).GetDatabase();

    public async Task<ISubscriber> SubscriberAsync() => (await _connection.Value.ConfigureAwait(false)).GetSubscriber();

    private static async Task<ConnectionMultiplexer> ConnectAsync(RedisOptions settings)
    {
        var configuration = ConfigurationOptions.Parse(settings.Configuration!);
        configuration.AbortOnConnectFail = true; // for the first connection only; later failures are reconnected
        try
        {
            return await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        }
        catch (RedisConnectionException e)
        {
            throw new InvalidOperationException($"Redis at '{string.Join(", ", configuration.EndPoints)}' (Redis:Configuration) cannot be reached: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Nothing to close unless a connection was made.
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully) await _connection.Value.Result.DisposeAsync().ConfigureAwait(false);
    }
}
