using NewsQA.Core.Answering;
using NewsQA.Core.Conversations;
using NewsQA.Core.Tests.Support;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Conversations;

/// <summary>
/// What every <see cref="IConversationStore"/> promises, the in-process one and Redis's alike: a turn saves only over
/// the version it loaded (else it is told to run again), its activity is marked answered with it, and a turn that
/// added nothing never conflicts.
/// </summary>
public sealed class ConversationStoreConcurrencyTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    public static TheoryData<string> Stores() => ["memory", "redis"];

    private IConversationStore Store(string kind, ConversationLimits? limits = null) => kind == "memory"
        ? new ConversationStore(TimeProvider.System, limits)
        : new RedisConversationStore(redis.Connect(), limits ?? new ConversationLimits());

    private static ConversationTurn Turn(string question) =>
        new(question, question, new Answer(question, question, TextLanguage.English, "an answer [1]", true, AnswerMode.Local, AnswerKind.Factoid, [], 1));

    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task TwoTurnsLoadedFromOneVersion_TheFirstSaves_TheSecondIsToldToRunAgain(string kind)
    {
        var store = Store(kind);
        var (first, _) = await store.LoadAsync("c", null, None);
        var (second, _) = await store.LoadAsync("c", null, None);
        first.Add(Turn("first"), DateTimeOffset.UtcNow);
        second.Add(Turn("second"), DateTimeOffset.UtcNow);

        Assert.Equal(SaveOutcome.Saved, await store.SaveAsync(first, null, None));
        Assert.Equal(SaveOutcome.Changed, await store.SaveAsync(second, null, None));

        var (again, _) = await store.LoadAsync("c", null, None); // run again on the newer version
        Assert.Equal(["first"], again.Turns.Select(t => t.Question));
        again.Add(Turn("second"), DateTimeOffset.UtcNow);
        Assert.Equal(SaveOutcome.Saved, await store.SaveAsync(again, null, None));
        var (saved, _) = await store.LoadAsync("c", null, None);
        Assert.Equal(["first", "second"], saved.Turns.Select(t => t.Question));
        Assert.Equal(2, saved.Version);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AnActivity_IsMarkedAnsweredWithItsTurn_AndAnsweringItAgainIsRefused(string kind)
    {
        var store = Store(kind);
        var (turn, answered) = await store.LoadAsync("c", "c|1", None);
        var (duplicate, _) = await store.LoadAsync("c", "c|1", None); // the same activity, delivered twice at once
        Assert.False(answered);
        turn.Add(Turn("q"), DateTimeOffset.UtcNow);
        duplicate.Add(Turn("q"), DateTimeOffset.UtcNow);

        Assert.Equal(SaveOutcome.Saved, await store.SaveAsync(turn, "c|1", None));
        Assert.Equal(SaveOutcome.AlreadyAnswered, await store.SaveAsync(duplicate, "c|1", None));
        Assert.True((await store.LoadAsync("c", "c|1", None)).AlreadyAnswered);
        var (unchanged, _) = await store.LoadAsync("c", null, None);
        Assert.Equal(SaveOutcome.AlreadyAnswered, await store.SaveAsync(unchanged, "c|1", None));
        Assert.Single((await store.LoadAsync("c", null, None)).Conversation.Turns);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ATurnThatAddedNothing_NeverConflicts_ButItsActivityIsRecorded(string kind)
    {
        var store = Store(kind);
        var (answering, _) = await store.LoadAsync("c", "c|1", None);
        var (feedback, _) = await store.LoadAsync("c", "c|2", None);
        answering.Add(Turn("q"), DateTimeOffset.UtcNow);
        Assert.Equal(SaveOutcome.Saved, await store.SaveAsync(answering, "c|1", None));

        Assert.Equal(SaveOutcome.Saved, await store.SaveAsync(feedback, "c|2", None)); // loaded before, but changed nothing
        Assert.True((await store.LoadAsync("c", "c|2", None)).AlreadyAnswered);
        Assert.Equal(1, (await store.LoadAsync("c", null, None)).Conversation.Version);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ManyTurnsOfOneConversationAtOnce_AreAllKept_EachSavedOnce(string kind)
    {
        var store = Store(kind, new ConversationLimits(MaxTurns: 20));
        var questions = Enumerable.Range(0, 8).Select(i => $"q{i}").ToList();
        await Task.WhenAll(questions.Select(q => Task.Run(async () =>
        {
            while (true)
            {
                var (conversation, _) = await store.LoadAsync("busy", $"busy|{q}", None);
                conversation.Add(Turn(q), DateTimeOffset.UtcNow);
                if (await store.SaveAsync(conversation, $"busy|{q}", None) == SaveOutcome.Saved) return; // else another saved first: again
            }
        })));

        var (saved, _) = await store.LoadAsync("busy", null, None);
        Assert.Equal(questions, saved.Turns.Select(t => t.Question).Order(StringComparer.Ordinal));
        Assert.Equal(8, saved.Version);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task PastItsCapacity_TheStoreKeepsTheBound_AndTheConversationJustSaved(string kind)
    {
        var store = Store(kind, new ConversationLimits(Capacity: 2));
        foreach (var id in new[] { "a", "b", "c" })
        {
            var (conversation, _) = await store.LoadAsync(id, null, None);
            conversation.Add(Turn(id), DateTimeOffset.UtcNow);
            Assert.Equal(SaveOutcome.Saved, await store.SaveAsync(conversation, null, None));
        }

        var kept = new List<string>();
        foreach (var id in new[] { "a", "b", "c" })
        {
            if ((await store.LoadAsync(id, null, None)).Conversation.Turns.Count > 0) kept.Add(id);
        }

        Assert.Equal(2, kept.Count);
        Assert.Contains("c", kept);
    }
}
