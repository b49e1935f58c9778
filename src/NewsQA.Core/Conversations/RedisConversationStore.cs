using NewsQA.Core.State;
using StackExchange.Redis;

namespace NewsQA.Core.Conversations;

/// <summary>
/// Conversations' follow-up history in Redis, shared by every NewsQA process: one hash per conversation (its version
/// and its turns as JSON) that expires after the idle time, and per answered activity a key that lives as long. A save
/// is one Lua script, so it is atomic whichever process runs it: it checks the version and the answered key, writes
/// both, and keeps the bounds of <see cref="ConversationLimits"/> (the total counts the stored JSON's bytes).
/// </summary>
public sealed class RedisConversationStore(RedisConnection redis, ConversationLimits limits) : IConversationStore
{
    private const string SaveScript = RedisBudget.Functions + """
        local conversation, answered, member = KEYS[1], KEYS[2], ARGV[7]
        local expected, changed, turns = tonumber(ARGV[8]), ARGV[9], ARGV[10]
        if answered ~= '' and redis.call('EXISTS', answered) == 1 then return -1 end
        if changed == '1' and tonumber(redis.call('HGET', conversation, 'v') or '0') ~= expected then return 0 end
        if answered ~= '' then redis.call('SET', answered, '1', 'PX', idleMs) end
        if changed == '1' then
          redis.call('HSET', conversation, 'v', expected + 1, 'turns', turns)
          touch(member, #turns)
          trim(member)
        end
        return 1
        """;

    private readonly RedisBudget _budget = new(redis.Key("conv-budget"), redis.Key("conv") + ":", [""], limits.IdleTime, limits.Capacity, limits.MaxTotalBytes);

    public long Bytes => 0; // held in Redis

    public async Task<ConversationLoad> LoadAsync(string id, string? turnKey, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var fields = db.HashGetAsync(redis.Key("conv", id), ["v", "turns"]);
        var answered = turnKey is null ? Task.FromResult(false) : db.KeyExistsAsync(AnsweredKey(turnKey));
        var values = await fields.ConfigureAwait(false);
        var conversation = new Conversation(id, limits.MaxTurns, DateTimeOffset.UtcNow, limits.MaxConversationBytes)
        {
            Version = values[0].HasValue ? (long)values[0] : 0,
        };
        if (values[1].HasValue) conversation.Restore(ConversationJson.Read((byte[])values[1]!), DateTimeOffset.UtcNow);
        return new ConversationLoad(conversation, await answered.ConfigureAwait(false));
    }

    public async Task<SaveOutcome> SaveAsync(Conversation conversation, string? turnKey, CancellationToken cancellationToken)
    {
        if (!conversation.Changed && turnKey is null) return SaveOutcome.Saved;
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var arguments = _budget.Arguments(
            conversation.Id, conversation.Version, conversation.Changed ? "1" : "0",
            conversation.Changed ? ConversationJson.Write(conversation.Turns) : RedisValue.EmptyString);
        var keys = new RedisKey[] { redis.Key("conv", conversation.Id), turnKey is null ? "" : AnsweredKey(turnKey) };
        var result = (long)await db.ScriptEvaluateAsync(SaveScript, keys, arguments).ConfigureAwait(false);
        return result switch
        {
            1 => SaveOutcome.Saved,
            0 => SaveOutcome.Changed,
            _ => SaveOutcome.AlreadyAnswered,
        };
    }

    private RedisKey AnsweredKey(string turnKey) => redis.Key("answered", turnKey);
}
