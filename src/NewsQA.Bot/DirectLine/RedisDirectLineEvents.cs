using Microsoft.Extensions.Options;
using NewsQA.Core.State;
using StackExchange.Redis;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// Hands what any process publishes on a Direct Line conversation's channel (a stored activity's nudge, a live
/// activity, a newer socket) to this process's open sockets, in the order published. Pub/sub is delivered at most
/// once: a socket also reads the history on a timer, so a nudge lost while Redis reconnects only delays its activity.
/// </summary>
public sealed class RedisDirectLineEvents(IOptions<RedisOptions> options, RedisConnection redis, DirectLineHub hub) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var prefix = RedisDirectLineStore.EventsPattern(redis).TrimEnd('*');
        var subscriber = await redis.SubscriberAsync();
        var messages = await subscriber.SubscribeAsync(RedisChannel.Pattern(RedisDirectLineStore.EventsPattern(redis)));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var message = await messages.ReadAsync(stoppingToken);
                var channel = message.Channel.ToString();
                if (!channel.StartsWith(prefix, StringComparison.Ordinal) || DirectLineEvent.Read((byte[])message.Message!) is not { } received) continue;
                hub.Dispatch(channel[prefix.Length..], received);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await messages.UnsubscribeAsync();
        }
    }
}
