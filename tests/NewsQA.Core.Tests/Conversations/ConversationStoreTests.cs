using NewsQA.Core.Conversations;

namespace NewsQA.Core.Tests.Conversations;

public class ConversationStoreTests
{
    [Fact]
    public void Store_ForgetsIdleConversations_AndKeepsTheBound()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-22T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = new ConversationStore(clock, capacity: 2, idle: TimeSpan.FromMinutes(30));
        var first = store.GetOrCreate("a");
        Assert.Same(first, store.GetOrCreate("a"));

        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Null(store.Find("a"));
        Assert.NotSame(first, store.GetOrCreate("a"));

        clock.Advance(TimeSpan.FromMinutes(1));
        store.GetOrCreate("b");
        clock.Advance(TimeSpan.FromMinutes(1));
        store.GetOrCreate("c"); // the least recently active ("a") gives way
        Assert.Equal(2, store.Count);
        Assert.Null(store.Find("a"));
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
