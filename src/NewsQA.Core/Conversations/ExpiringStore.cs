using System.Collections.Concurrent;

namespace NewsQA.Core.Conversations;

/// <summary>
/// Items kept in memory by id: at most <c>capacity</c> of them, each forgotten after <c>idle</c> without activity, and
/// together holding at most <c>maxBytes</c> (each item charges what it holds to the <see cref="ByteAccount"/> it is
/// created with). The least recently active gives way first. Public endpoints hold their conversations here so memory
/// stays bounded in count and in bytes.
/// </summary>
public sealed class ExpiringStore<T>(TimeProvider clock, int capacity, TimeSpan idle, Func<T, DateTimeOffset> lastActivity, long maxBytes = long.MaxValue)
    where T : class
{
    // Evicting down to a little under the limit keeps a store at its limit from sorting its items on every charge.
    private const double EvictTo = 0.9;

    private readonly ConcurrentDictionary<string, Entry> _items = new(StringComparer.Ordinal);
    private readonly ByteBudget _budget = new(maxBytes);
    private readonly Lock _evicting = new();

    public int Count => _items.Count;

    /// <summary>The bytes the items hold together, as they charged them.</summary>
    public long Bytes => _budget.Used;

    /// <summary>The item with this id, created when new or expired; <c>Created</c> tells which.</summary>
    public (T Item, bool Created) GetOrCreate(string id, Func<string, DateTimeOffset, ByteAccount, T> create)
    {
        Sweep();
        if (Find(id) is { } found) return (found, false);
        var now = clock.GetUtcNow();
        Entry? made = null;
        var entry = _items.GetOrAdd(id, key =>
        {
            var account = new ByteAccount(_budget, EvictOverBudget);
            return made = new Entry(create(key, now, account), account);
        });
        return (entry.Item, ReferenceEquals(entry, made));
    }

    /// <summary>The item with this id if it exists and has not expired.</summary>
    public T? Find(string id)
    {
        if (!_items.TryGetValue(id, out var entry)) return null;
        if (clock.GetUtcNow() - lastActivity(entry.Item) <= idle) return entry.Item;
        Remove(id, entry);
        return null;
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, entry) in _items)
        {
            if (now - lastActivity(entry.Item) > idle) Remove(id, entry);
        }

        var excess = _items.Count - capacity + 1;
        if (excess <= 0) return;
        foreach (var (id, entry) in _items.OrderBy(i => lastActivity(i.Value.Item)).Take(excess).ToList()) Remove(id, entry);
    }

    private void EvictOverBudget()
    {
        lock (_evicting)
        {
            if (!_budget.Exceeded) return;
            var target = (long)(_budget.Limit * EvictTo);
            foreach (var (id, entry) in _items.OrderBy(i => lastActivity(i.Value.Item)).ToList())
            {
                if (_budget.Used <= target) break;
                Remove(id, entry);
            }
        }
    }

    private void Remove(string id, Entry entry)
    {
        if (_items.TryRemove(new KeyValuePair<string, Entry>(id, entry))) entry.Account.Close();
    }

    private sealed record Entry(T Item, ByteAccount Account);
}
