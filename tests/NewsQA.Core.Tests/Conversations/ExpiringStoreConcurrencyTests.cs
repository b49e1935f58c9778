using NewsQA.Core.Conversations;

namespace NewsQA.Core.Tests.Conversations;

/// <summary>
/// The store shared by every request, at its limits while many requests use it at once: new items arrive past capacity
/// (each arrival sweeps), others are read, grow their bytes and expire, on several threads together.
/// </summary>
public sealed class ExpiringStoreConcurrencyTests
{
    private const int Capacity = 32;
    private const long MaxBytes = 40_000;
    private const int ItemBytes = 1_000;
    private const int Threads = 8;

    [Fact]
    public async Task ManyThreadsAtCapacity_NeverThrow_AndKeepCountAndBytesWithinTheirBounds()
    {
        var store = new ExpiringStore<Item>(TimeProvider.System, Capacity, TimeSpan.FromMilliseconds(5), i => i.LastActivity, MaxBytes);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var highestCount = 0;
        long highestBytes = 0;
        using var start = new Barrier(Threads);

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(() =>
        {
            var random = new Random(t);
            start.SignalAndWait();
            for (var n = 0; n < 4_000; n++)
            {
                try
                {
                    var id = $"item-{random.Next(Capacity * 4)}";
                    if (random.Next(3) == 0)
                    {
                        store.Find(id)?.Touch(); // a read; an expired item is removed by it
                    }
                    else
                    {
                        var (item, _) = store.GetOrCreate(id, (_, now, account) => new Item(now, account));
                        item.Grow(random.Next(1, ItemBytes)); // a turn added: may push the store over its bytes
                    }

                    InterlockedMax(ref highestCount, store.Count);
                    InterlockedMax(ref highestBytes, store.Bytes);
                }
                catch (Exception e)
                {
                    errors.Enqueue(e);
                    return;
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

        Assert.Empty(errors);
        Assert.InRange(highestCount, 1, Capacity);
        // A charge lands before the eviction it causes, so a moment over the budget is at most one item per thread.
        Assert.InRange(highestBytes, 1, MaxBytes + (Threads * ItemBytes));
        Assert.InRange(store.Bytes, 0, MaxBytes);
        Assert.InRange(store.Count, 0, Capacity);
    }

    private static void InterlockedMax(ref int highest, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref highest)) && Interlocked.CompareExchange(ref highest, value, seen) != seen)
        {
        }
    }

    private static void InterlockedMax(ref long highest, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref highest)) && Interlocked.CompareExchange(ref highest, value, seen) != seen)
        {
        }
    }

    private sealed class Item(DateTimeOffset created, ByteAccount account)
    {
        private long _ticks = created.UtcTicks;

        public DateTimeOffset LastActivity => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Touch() => Interlocked.Exchange(ref _ticks, DateTimeOffset.UtcNow.UtcTicks);

        public void Grow(long bytes)
        {
            Touch();
            account.Charge(bytes);
        }
    }
}
