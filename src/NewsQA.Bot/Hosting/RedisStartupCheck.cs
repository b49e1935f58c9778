using Microsoft.Extensions.Options;
using NewsQA.Core.State;

namespace NewsQA.Bot.Hosting;

/// <summary>With Redis:Configuration set, connects before the service takes requests: a server that cannot be reached stops start-up, naming the setting.</summary>
public sealed class RedisStartupCheck(IOptions<RedisOptions> options, RedisConnection redis) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return;
        try
        {
            await (await redis.DatabaseAsync()).PingAsync();
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException(e.Message + " See docs/scale-out.md.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
