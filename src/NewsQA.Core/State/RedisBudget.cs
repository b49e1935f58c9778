using StackExchange.Redis;

namespace NewsQA.Core.State;

/// <summary>
/// The bounds of one kind of item kept in Redis (follow-up conversations, Direct Line conversations), as the in-process
/// stores keep them: at most a number of items, each forgotten after the idle time, and together at most a number of
/// bytes, the least recently active giving way first. Each item's size and last activity are kept beside it (a sorted
/// set by time, a hash of sizes and a running total); the scripts that change an item call <see cref="Functions"/>'
/// touch and trim in the same atomic step, so the bounds hold whichever process writes.
/// </summary>
public sealed record RedisBudget(string Name, string ItemPrefix, IReadOnlyList<string> ItemSuffixes, TimeSpan Idle, int Capacity, long MaxBytes)
{
    /// <summary>
    /// Lua shared by the scripts: <c>now</c> is the server's clock in milliseconds (so processes on several machines
    /// agree); <c>touch(member, bytes)</c> records an item's size and activity; <c>trim(keep)</c> drops the idle, then
    /// the least recently active while over the count or the bytes, never <c>keep</c>. The budget's arguments come
    /// from <see cref="Arguments"/>, at ARGV[1] to ARGV[6].
    /// </summary>
    public const string Functions = """
        local budget, itemPrefix, idleMs, capacity, maxBytes = ARGV[1], ARGV[2], tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
        local suffixes = cjson.decode(ARGV[3])
        local lru, sizes, total = budget .. ':lru', budget .. ':sizes', budget .. ':bytes'
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
        local function drop(member)
          local size = tonumber(redis.call('HGET', sizes, member) or '0')
          redis.call('HDEL', sizes, member)
          redis.call('ZREM', lru, member)
          redis.call('DECRBY', total, size)
          for _, suffix in ipairs(suffixes) do redis.call('DEL', itemPrefix .. member .. suffix) end
        end
        local function touch(member, bytes)
          local before = tonumber(redis.call('HGET', sizes, member) or '0')
          redis.call('HSET', sizes, member, bytes)
          redis.call('INCRBY', total, bytes - before)
          redis.call('ZADD', lru, now, member)
          for _, suffix in ipairs(suffixes) do redis.call('PEXPIRE', itemPrefix .. member .. suffix, idleMs) end
        end
        local function trim(keep)
          for _, member in ipairs(redis.call('ZRANGEBYSCORE', lru, '-inf', '(' .. (now - idleMs), 'LIMIT', 0, 100)) do
            if member ~= keep then drop(member) end
          end
          while redis.call('ZCARD', lru) > capacity or tonumber(redis.call('GET', total) or '0') > maxBytes do
            local oldest = redis.call('ZRANGE', lru, 0, 1)
            local victim = oldest[1] ~= keep and oldest[1] or oldest[2]
            if victim == nil then break end
            drop(victim)
          end
        end

        """;

    /// <summary>The six arguments <see cref="Functions"/> reads, to put first in a script's ARGV, then the script's own.</summary>
    public RedisValue[] Arguments(params RedisValue[] more) =>
    [
        Name, ItemPrefix, System.Text.Json.JsonSerializer.Serialize(ItemSuffixes), (long)Idle.TotalMilliseconds, Capacity, MaxBytes, .. more,
    ];
}
