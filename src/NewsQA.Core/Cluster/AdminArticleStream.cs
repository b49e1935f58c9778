using StackExchange.Redis;
using NewsQA.Core.State;

namespace NewsQA.Core.Cluster;

/// <summary>
/// The one way in for admin changes in a cluster: any process appends them to the Redis stream
/// <c>{prefix}:admin-articles</c>; the indexer reads them through the consumer group <c>indexer</c>, applies each
/// (writes or removes the file, and waits until the index has committed it), and only then acknowledges it (XACK).
/// An entry read but not acknowledged stays pending under the indexer's consumer name, and <see cref="ReadAsync"/>
/// hands pending entries back first, so an indexer killed between applying and acknowledging applies the entry again
/// after its restart; applying is idempotent, because the corpus writer refuses an article whose link or text the folder
/// already holds and removing a removed article removes nothing.
/// </summary>
public sealed class AdminArticleStream(RedisConnection redis)
{
    private const string Group = "indexer";
    private const string Consumer = "indexer";
    private const string ArticleField = "article";
    private const string RemoveField = "remove";

    private string Key => redis.Key("admin-articles");

    /// <summary>Appends an article submission (its JSON); the entry id is the id the admin API answers with.</summary>
    public Task<string> AddArticleAsync(string submissionJson) => AppendAsync(ArticleField, submissionJson);

    /// <summary>Appends the removal of an article.</summary>
    public Task<string> RemoveArticleAsync(string documentId) => AppendAsync(RemoveField, documentId);

    /// <summary>Creates the consumer group (from the stream's start) unless it exists.</summary>
    public async Task CreateGroupAsync()
    {
        var database = await redis.DatabaseAsync().ConfigureAwait(false);
        try
        {
            await database.StreamCreateConsumerGroupAsync(Key, Group, StreamPosition.Beginning, createStream: true).ConfigureAwait(false);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Created by an earlier start: its pending entries are read first.
        }
    }

    /// <summary>The entries delivered to the indexer but not acknowledged (oldest first), else up to <paramref name="count"/> new ones.</summary>
    public async Task<IReadOnlyList<AdminArticleCommand>> ReadAsync(int count)
    {
        var database = await redis.DatabaseAsync().ConfigureAwait(false);
        var pending = await database.StreamReadGroupAsync(Key, Group, Consumer, "0", count).ConfigureAwait(false);
        var entries = pending.Length > 0 ? pending : await database.StreamReadGroupAsync(Key, Group, Consumer, ">", count).ConfigureAwait(false);
        return [.. entries.Select(Command)];
    }

    /// <summary>
    /// Marks an entry applied and drops it and every older one (entries are applied in order, so those are applied too):
    /// the stream holds only what waits, however long the indexer is away, and nothing waiting is ever trimmed.
    /// </summary>
    public async Task AcknowledgeAsync(string id)
    {
        var database = await redis.DatabaseAsync().ConfigureAwait(false);
        await database.StreamAcknowledgeAsync(Key, Group, id).ConfigureAwait(false);
        await database.ExecuteAsync("XTRIM", Key, "MINID", NextId(id)).ConfigureAwait(false);
    }

    /// <summary>Entries delivered to the indexer and not yet acknowledged.</summary>
    public async Task<long> PendingAsync()
    {
        var database = await redis.DatabaseAsync().ConfigureAwait(false);
        return (await database.StreamPendingAsync(Key, Group).ConfigureAwait(false)).PendingMessageCount;
    }

    private async Task<string> AppendAsync(string field, string value)
    {
        var database = await redis.DatabaseAsync().ConfigureAwait(false);
        var id = await database.StreamAddAsync(Key, field, value).ConfigureAwait(false);
        return id.ToString();
    }

    // The smallest entry id after "{ms}-{seq}": XTRIM MINID keeps the entries at or after it.
    private static string NextId(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return $"{id[..dash]}-{ulong.Parse(id[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture) + 1}";
    }

    private static AdminArticleCommand Command(StreamEntry entry) =>
        new(entry.Id.ToString(), entry[ArticleField] is { HasValue: true } article ? article.ToString() : null, entry[RemoveField] is { HasValue: true } removed ? removed.ToString() : null);
}
