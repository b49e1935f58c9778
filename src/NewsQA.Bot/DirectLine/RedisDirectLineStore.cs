using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;
using NewsQA.Core.State;
using StackExchange.Redis;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// Direct Line conversations in Redis, so that every NewsQA process serves every conversation: per conversation a hash
/// (its user, the next sequence number, the count and bytes kept) and a stream of its activities whose entry ids are
/// the sequence numbers ("{n}-1"), so the stream's order is the watermark's; both expire after the idle time. Appending
/// is one Lua script: it numbers the activity, writes its id into the JSON, drops the oldest past the conversation's
/// bounds, keeps the total's (<see cref="RedisBudget"/>), and publishes a nudge on the conversation's channel, which
/// each process's <see cref="RedisDirectLineEvents"/> hands to its open sockets.
/// </summary>
public sealed class RedisDirectLineStore(RedisConnection redis, IOptions<BotHostOptions> host, IOptions<DirectLineOptions> options, TimeProvider clock) : IDirectLineStore
{
    // Entries read per round trip while a page is filled.
    private const int ReadBatch = 32;

    private const string StartScript = RedisBudget.Functions + """
        local meta, member = KEYS[1], ARGV[7]
        if redis.call('EXISTS', meta) == 1 then return 0 end
        redis.call('HSET', meta, 'user', ARGV[8], 'seq', 0, 'count', 0, 'bytes', 0)
        touch(member, 0)
        trim(member)
        return 1
        """;

    private const string TouchScript = RedisBudget.Functions + """
        local meta = KEYS[1]
        if redis.call('EXISTS', meta) == 0 then return 0 end
        touch(ARGV[7], tonumber(redis.call('HGET', meta, 'bytes') or '0'))
        return 1
        """;

    private const string AppendScript = RedisBudget.Functions + """
        local meta, log, member = KEYS[1], KEYS[2], ARGV[7]
        local maxCount, maxConversationBytes = tonumber(ARGV[9]), tonumber(ARGV[10])
        if redis.call('EXISTS', meta) == 0 then return -1 end
        local seq = redis.call('HINCRBY', meta, 'seq', 1) - 1
        local body = string.sub(ARGV[8], 2)
        local json = '{"id":"' .. member .. '|' .. string.format('%07d', seq) .. '"' .. (body == '}' and '' or ',') .. body
        redis.call('XADD', log, seq .. '-1', 'a', json)
        local count = redis.call('HINCRBY', meta, 'count', 1)
        local bytes = redis.call('HINCRBY', meta, 'bytes', #json)
        while count > 1 and (count > maxCount or bytes > maxConversationBytes) do
          local oldest = redis.call('XRANGE', log, '-', '+', 'COUNT', 1)[1]
          redis.call('XDEL', log, oldest[1])
          count = count - 1
          bytes = bytes - #oldest[2][2]
        end
        redis.call('HSET', meta, 'count', count, 'bytes', bytes)
        touch(member, bytes)
        trim(member)
        redis.call('PUBLISH', ARGV[11], ARGV[12])
        return seq
        """;

    private readonly RedisBudget _budget = new(redis.Key("dl-budget"), redis.Key("dl") + ":", ["", ":log"],
        TimeSpan.FromMinutes(host.Value.ConversationIdleMinutes), host.Value.MaxConversations, options.Value.MaxTotalBytes);

    public long Bytes => 0; // held in Redis

    public async Task<bool> StartAsync(string id, string userId, CancellationToken cancellationToken) =>
        (long)await (await redis.DatabaseAsync()).ScriptEvaluateAsync(StartScript, [Meta(id)], _budget.Arguments(id, userId)) == 1;

    public async Task<bool> TouchAsync(string id, CancellationToken cancellationToken) =>
        (long)await (await redis.DatabaseAsync()).ScriptEvaluateAsync(TouchScript, [Meta(id)], _budget.Arguments(id)) == 1;

    public async Task<Activity?> AppendAsync(string id, Activity activity, CancellationToken cancellationToken)
    {
        activity.Id = null; // the script writes it, with the sequence number it draws
        activity.Timestamp = clock.GetUtcNow();
        activity.Conversation = new ConversationAccount(id);
        var json = JsonSerializer.SerializeToUtf8Bytes(activity, JsonBody.Options);
        var limits = options.Value;
        var sequence = (long)await (await redis.DatabaseAsync()).ScriptEvaluateAsync(AppendScript, [Meta(id), Log(id)],
            _budget.Arguments(id, json, limits.MaxActivitiesPerConversation, limits.MaxConversationBytes, EventsChannel(id), DirectLineEvent.Stored.Write()));
        if (sequence < 0) return null;
        activity.Id = DirectLineIds.Activity(id, (int)sequence);
        return activity;
    }

    public async Task<DirectLinePage?> ReadAsync(string id, int watermark, int maxBytes, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync();
        var sequence = await db.HashGetAsync(Meta(id), "seq");
        if (sequence.IsNull) return null;
        var next = Math.Clamp(watermark, 0, (int)sequence);
        var page = new List<StoredActivity>();
        long bytes = 0;
        while (true)
        {
            var entries = await db.StreamRangeAsync(Log(id), $"{next}-1", "+", ReadBatch);
            foreach (var entry in entries)
            {
                var json = (byte[])entry["a"]!;
                if (page.Count > 0 && bytes + json.Length > maxBytes) return new DirectLinePage(page, next);
                var number = int.Parse(((string)entry.Id!).Split('-')[0], CultureInfo.InvariantCulture);
                page.Add(new StoredActivity(number, json));
                bytes += json.Length;
                next = number + 1;
            }

            if (entries.Length < ReadBatch) return new DirectLinePage(page, next);
        }
    }

    public async Task PublishAsync(string id, DirectLineEvent message, CancellationToken cancellationToken) =>
        await (await redis.DatabaseAsync()).PublishAsync(Events(id), message.Write());

    /// <summary>The channel pattern every conversation's events are published under.</summary>
    public static string EventsPattern(RedisConnection redis) => redis.Key("dl-events", "*");

    private RedisKey Meta(string id) => redis.Key("dl", id);

    private RedisKey Log(string id) => redis.Key("dl", id) + ":log";

    private string EventsChannel(string id) => redis.Key("dl-events", id);

    private RedisChannel Events(string id) => RedisChannel.Literal(EventsChannel(id));
}
