using NewsQA.Core.State;
using StackExchange.Redis;

namespace NewsQA.Core.Cluster;

/// <summary>
/// The indexer's word to the replicas that a new revision is published: a message on the Redis channel
/// <c>{prefix}:index-revisions</c> carrying its version. Pub/sub is at most once; replicas poll as well
/// (Cluster:PollSeconds), so a lost nudge costs a delay, never a revision.
/// </summary>
public sealed class RevisionNudges(RedisConnection redis)
{
    private RedisChannel Channel => RedisChannel.Literal(redis.Key("index-revisions"));

    public async Task PublishAsync(string version)
    {
        var subscriber = await redis.SubscriberAsync().ConfigureAwait(false);
        await subscriber.PublishAsync(Channel, version).ConfigureAwait(false);
    }

    /// <summary>Calls <paramref name="nudged"/> with each version announced from now on.</summary>
    public async Task SubscribeAsync(Action<string> nudged)
    {
        var subscriber = await redis.SubscriberAsync().ConfigureAwait(false);
        await subscriber.SubscribeAsync(Channel, (_, version) => nudged(version.ToString())).ConfigureAwait(false);
    }
}
