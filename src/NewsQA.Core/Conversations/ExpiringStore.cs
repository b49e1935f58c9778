using System.Collections.Concurrent;

namespace NewsQA.Core.Conversations;

/// <summary>
/// Items kept in memory by id: at most <c>capacity</c> of them, each forgotten after <c>idle</c> without activity, and
/// together holding at most <c>maxBytes</c> (each item charges what it holds to the <see cref="ByteAccount"/> it is
/// created with). The least recently active gives way first. Public endpoints hold their conversations here so memory
/// stays bounded in count and in bytes. Safe for any number of requests at once: reads take no lock; adding an item
/// and evicting take turns, so a sweep orders a stable list rather than the dictionary others are changing.
/// </summary>
public sealed class ExpiringStore<T>(TimeProvider clock, int capacity, TimeSpan idle, Func<T, DateTimeOffset> lastActivity, long maxBytes = long.MaxValue)
    where T : class
{
    // Evicting down to a little under a limit keeps a store at its limit from ordering its items on every arrival.
    private const double EvictTo = 0.9;

    private readonly ConcurrentDictionary<string, Entry> _items = new(StringComparer.Ordinal);
    private readonly ByteBudget _budget = new(maxBytes);
    private readonly Lock _changing = new();

    public int Count => _items.Count;

    /// <summary>The bytes the items hold together, as they charged them.</summary>
    public long Bytes => _budget.Used;

    /// <summary>The item with this id, created when new or expired; <c>Created</c> tells which.</summary>
    public (T Item, bool Created) GetOrCreate(string id, Func<string, DateTimeOffset, ByteAccount, T> create)
    {
        if (Find(id) is { } found) return (found, false);
        lock (_changing)
        {
            if (Find(id) is { } raced) return (raced, false);
            var now = clock.GetUtcNow();
            MakeRoom(now);
            var account = new ByteAccount(_budget, EvictOverBudget);
            var entry = new Entry(create(id, now, account), account);
            // Only this lock adds, and the id was absent under it, so the add succeeds and the count stays in bounds.
            _items[id] = entry;
            return (entry.Item, true);
        }
    }

    /// <summary>The item with this id if it exists and has not expired.</summary>
    public T? Find(string id)
    {
        if (!_items.TryGetValue(id, out var entry)) return null;
        if (clock.GetUtcNow() - lastActivity(entry.Item) <= idle) return entry.Item;
        Remove(id, entry);
        return null;
    }

    // Under _changing: the expired items go, then, at capacity, the least recently active down to EvictTo of it.
    private void MakeRoom(DateTimeOffset now)
    {
        var live = new List<(string Id, Entry Entry, DateTimeOffset Active)>();
        foreach (var item in Listed())
        {
            if (now - item.Active > idle) Remove(item.Id, item.Entry);
            else live.Add(item);
        }

        if (live.Count < capacity) return;
        var keep = Math.Min(capacity - 1, (int)(capacity * EvictTo));
        foreach (var (id, entry, _) in live.OrderBy(i => i.Active).Take(live.Count - keep)) Remove(id, entry);
    }

    private void EvictOverBudget()
    {
        lock (_changing)
        {
            if (!_budget.Exceeded) return;
            var target = (long)(_budget.Limit * EvictTo);
            foreach (var (id, entry, _) in Listed().OrderBy(i => i.Active))
            {
                if (_budget.Used <= target) break;
                Remove(id, entry);
            }
        }
    }

    // The items as they are now, each with its last activity read once: what a sweep orders, while others read and
    // touch them. (Ordering the dictionary itself copies it by its count of a moment before, which others change.)
    private List<(string Id, Entry Entry, DateTimeOffset Active)> Listed()
    {
        var items = new List<(string, Entry, DateTimeOffset)>(_items.Count);
        foreach (var (id, entry) in _items) items.Add((id, entry, lastActivity(entry.Item)));
        return items;
    }

    private void Remove(string id, Entry entry)
    {
        if (_items.TryRemove(new KeyValuePair<string, Entry>(id, entry))) entry.Account.Close();
    }

    private sealed record Entry(T Item, ByteAccount Account);
}
