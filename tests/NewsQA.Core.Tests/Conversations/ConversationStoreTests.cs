using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Conversations;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Tests.Support;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Conversations;

public class ConversationStoreTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-22T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Store_ForgetsIdleConversations_AndKeepsTheBound()
    {
        var clock = new ManualClock(Start);
        var store = new ConversationStore(clock, new ConversationLimits(Capacity: 2, Idle: TimeSpan.FromMinutes(30)));
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

    [Fact]
    public void Conversation_PastItsByteBudget_DropsTheOldestTurns_ButKeepsTheNewest()
    {
        var conversation = new Conversation("c", maxTurns: 50, created: Start, maxBytes: 20_000);
        for (var i = 0; i < 10; i++) conversation.Add(Turn(new string('q', 2000) + i), Start);
        Assert.True(conversation.Bytes <= 20_000, $"{conversation.Bytes} bytes");
        Assert.InRange(conversation.Turns.Count, 1, 4); // each turn is over 4,000 bytes
        Assert.EndsWith("9", conversation.Last!.Question);

        conversation.Add(Turn(new string('q', 50_000)), Start); // alone over the budget: still the newest, so kept
        Assert.Single(conversation.Turns);
    }

    [Fact]
    public void Store_KeepsItsTotalBytesWithinBudget_ForgettingTheLeastRecentlyActive()
    {
        var clock = new ManualClock(Start);
        var store = new ConversationStore(clock, new ConversationLimits(Capacity: 1000, MaxTotalBytes: 100_000));
        for (var i = 0; i < 100; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            store.GetOrCreate($"c{i}").Add(Turn(new string('q', 2000)), clock.GetUtcNow());
            Assert.True(store.Bytes <= 100_000, $"{store.Bytes} bytes after {i + 1} conversations");
        }

        Assert.InRange(store.Count, 10, 25);
        Assert.NotNull(store.Find("c99"));
        Assert.Null(store.Find("c0"));
    }

    [Fact]
    public void ForgottenConversation_StillInUse_NoLongerCountsAgainstTheBudget()
    {
        var clock = new ManualClock(Start);
        var store = new ConversationStore(clock, new ConversationLimits(Capacity: 2, MaxTotalBytes: 1_000_000));
        var held = store.GetOrCreate("a");
        held.Add(Turn("question"), Start);
        clock.Advance(TimeSpan.FromSeconds(1));
        store.GetOrCreate("b");
        clock.Advance(TimeSpan.FromSeconds(1));
        store.GetOrCreate("c"); // "a" gives way while a request still holds it
        Assert.Null(store.Find("a"));
        Assert.Equal(0, store.Bytes);
        held.Add(Turn(new string('q', 10_000)), clock.GetUtcNow());
        Assert.Equal(0, store.Bytes);
    }

    [Fact]
    public void ATurnsBytes_CountTheTextOfItsCitedPassages_OncePerPassage()
    {
        var passage = new Passage("p1", "d1", "A title", 1, 1, null, new string('x', 5_000), [new SentenceSpan(0, 100)]);
        var cited = new Answer("q", "q", TextLanguage.English, "an answer [1][2]", true, AnswerMode.Local, AnswerKind.Factoid,
            [new Citation(1, passage, new SentenceSpan(0, 100)), new Citation(2, passage, new SentenceSpan(0, 50))], 1);
        var conversation = new Conversation("c", created: Start);
        conversation.Add(new ConversationTurn("q", "q", cited), Start);

        // The answer holds its own copy of the passage (as read for it): 10,000 bytes of text, counted once.
        Assert.InRange(conversation.Bytes, 10_000, 11_000);
    }

    [Fact]
    public void FollowUpChains_DoNotGrowTheStandaloneQuestionWithoutBound()
    {
        var conversation = new Conversation("chain");
        var question = "and what did he say about it? " + new string('x', 1900);
        for (var i = 0; i < 20; i++)
        {
            var standalone = FollowUpCondenser.Condense(question, conversation);
            conversation.Add(Turn(question, standalone), Start);
        }

        Assert.True(conversation.Last!.StandaloneQuestion.Length <= question.Length + 2010, $"{conversation.Last.StandaloneQuestion.Length} characters");
        Assert.StartsWith(question, conversation.Last.StandaloneQuestion);
    }

    private static ConversationTurn Turn(string question, string? standalone = null) =>
        new(question, standalone ?? question, new Answer(question, standalone ?? question, TextLanguage.English, "an answer [1]", true, AnswerMode.Local, AnswerKind.Factoid, [], 1));
}
