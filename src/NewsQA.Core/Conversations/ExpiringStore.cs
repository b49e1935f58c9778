using System.Collections.Concurrent;

namespace NewsQA.Core.Conversations;

/// <summary>
/// Items kept in memory by id, at most <c>capacity</c> of them, each forgotten after <c>idle</c> without activity; the
/// least recently active gives way first. Public endpoints hold their conversations here so memory stays bounded.
/// </summary>
public sealed class ExpiringStore<T>(TimeProvider clock, int capacity, TimeSpan idle, Func<T, DateTimeOffset> lastActivity)
    where T : class
{
    private readonly ConcurrentDictionary<string, T> _items = new(StringComparer.Ordinal);

    public int Count => _items.Count;

    /// <summary>The item with this id, created when new or expired; <c>Created</c> tells which.</summary>
    public (T Item, bool Created) GetOrCreate(string id, Func<string, DateTimeOffset, T> create)
    {
        Sweep();
        var now = clock.GetUtcNow();
        var created = false;
        var item = _items.AddOrUpdate(id,
            key =>
            {
                created = true;
                return create(key, now);
            },
            (key, existing) =>
            {
                if (now - lastActivity(existing) <= idle) return existing;
                created = true;
                return create(key, now);
            });
        return (item, created);
    }

    /// <summary>The item with this id if it exists and has not expired.</summary>
    public T? Find(string id)
    {
        if (!_items.TryGetValue(id, out var item)) return null;
        if (clock.GetUtcNow() - lastActivity(item) <= idle) return item;
        _items.TryRemove(id, out _);
        return null;
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, item) in _items)
        {
            if (now - lastActivity(item) > idle) _items.TryRemove(id, out _);
        }

        var excess = _items.Count - capacity + 1;
        if (excess <= 0) return;
        foreach (var (id, _) in _items.OrderBy(i => lastActivity(i.Value)).Take(excess).ToList()) _items.TryRemove(id, out _);
    }
}
