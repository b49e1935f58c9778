using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.State;
using StackExchange.Redis;

namespace NewsQA.Core.Feedback;

/// <summary>
/// Answer feedback in Redis, one list every NewsQA process appends to, each record the JSON line the file store
/// would write. Bounded as the files are: at most <see cref="FeedbackOptions.MaxFileBytes"/> times the files kept
/// (<see cref="FeedbackOptions.MaxFiles"/> and the current one), the oldest records dropped first. Feedback does not
/// expire: it is what `newsqa feedback` reviews.
/// </summary>
public sealed class RedisFeedbackStore(RedisConnection redis, IOptions<FeedbackOptions> options, TimeProvider clock) : IFeedbackStore
{
    private const string AppendScript = """
        local list, total, line, limit = KEYS[1], KEYS[2], ARGV[1], tonumber(ARGV[2])
        redis.call('RPUSH', list, line)
        local bytes = redis.call('INCRBY', total, #line)
        while bytes > limit and redis.call('LLEN', list) > 1 do
          bytes = redis.call('DECRBY', total, #redis.call('LPOP', list))
        end
        return bytes
        """;

    public async Task SaveAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var line = JsonSerializer.SerializeToUtf8Bytes(record with { ReceivedAt = clock.GetUtcNow() }, StoredJson.Options);
        var limit = options.Value.MaxFileBytes * (options.Value.MaxFiles + 1L);
        await db.ScriptEvaluateAsync(AppendScript, [redis.Key("feedback"), redis.Key("feedback", "bytes")], [line, limit]).ConfigureAwait(false);
    }

    public async Task<(List<FeedbackRecord> Records, int Unreadable)> ReadAllAsync(CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var records = new List<FeedbackRecord>();
        var unreadable = 0;
        foreach (var line in await db.ListRangeAsync(redis.Key("feedback")).ConfigureAwait(false))
        {
            try
            {
                if (JsonSerializer.Deserialize<FeedbackRecord>((byte[])line!, StoredJson.Options) is { } record) records.Add(record);
                else unreadable++;
            }
            catch (JsonException)
            {
                unreadable++;
            }
        }

        return (records, unreadable);
    }
}
