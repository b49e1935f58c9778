using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Generators;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Answering.Summaries;
using NewsQA.Core.Conversations;
using NewsQA.Core.Tests.Support;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Answering;

/// <summary>The model generator's fallback, a decorator chosen at start-up: the offline answer only when the model gives none.</summary>
public class FallbackAnswerGeneratorTests
{
    private static readonly Answer Offline = new("q", "q", TextLanguage.English, "offline [1]", true, AnswerMode.Local, AnswerKind.Factoid, [], 1);
    private static readonly Answer Model = Offline with { Text = "model [1]", Mode = AnswerMode.Llm };

    [Fact]
    public async Task AModelAnswer_IsPassedThrough_AndTheOfflineGeneratorIsNotAsked()
    {
        var offline = new ScriptedGenerator([new("offline"), AnswerUpdate.Of(Offline)]);
        var updates = await AnswerAsync(new ScriptedGenerator([new("mo"), new("model"), AnswerUpdate.Of(Model)]), offline);

        Assert.Equal(["mo", "model", "model [1]"], updates.Select(u => u.Text));
        Assert.Same(Model, updates[^1].Final);
        Assert.Equal(0, offline.Calls);
    }

    [Fact]
    public async Task AModelThatFailsMidStream_IsFollowedByTheOfflineAnswer()
    {
        var updates = await AnswerAsync(new ScriptedGenerator([new("partial")], new System.Text.Json.JsonException("cut")), new ScriptedGenerator([AnswerUpdate.Of(Offline)]));

        Assert.Equal(["partial", "offline [1]"], updates.Select(u => u.Text));
        Assert.Same(Offline, updates[^1].Final);
    }

    [Fact]
    public async Task AModelThatEndsWithoutAnAnswer_IsFollowedByTheOfflineAnswer()
    {
        var updates = await AnswerAsync(new ScriptedGenerator([new("ungrounded")]), new ScriptedGenerator([AnswerUpdate.Of(Offline)]));

        Assert.Same(Offline, updates[^1].Final);
    }

    [Fact]
    public async Task AnEmptyOrFailedCondense_IsTheOfflineOne()
    {
        var offline = new ScriptedGenerator([]);
        Assert.Equal("offline reading", (await new FallbackAnswerGenerator(new ScriptedGenerator([]) { Condensed = "" }, offline, NullLogger<FallbackAnswerGenerator>.Instance).CondenseAsync("m", null, default)).Text);
        Assert.Equal("offline reading", (await new FallbackAnswerGenerator(new ScriptedGenerator([], new HttpRequestException()), offline, NullLogger<FallbackAnswerGenerator>.Instance).CondenseAsync("m", null, default)).Text);
    }

    [Fact]
    public async Task WithAModel_TheWiringChoosesTheFallbackOnce_AndOfflineTheOfflineGenerator()
    {
        await using var model = await AnsweringServices.CreateAsync(new FakeChatClient());
        await using var offline = await AnsweringServices.CreateAsync();

        Assert.IsType<FallbackAnswerGenerator>(model.Get<IAnswerGenerator>());
        Assert.Same(model.Get<IAnswerGenerator>(), model.Get<IAnswerGenerator>());
        Assert.IsType<LocalAnswerGenerator>(offline.Get<IAnswerGenerator>());
    }

    private static async Task<List<AnswerUpdate>> AnswerAsync(IAnswerGenerator first, IAnswerGenerator second)
    {
        var generator = new FallbackAnswerGenerator(first, second, NullLogger<FallbackAnswerGenerator>.Instance);
        var updates = new List<AnswerUpdate>();
        await foreach (var update in generator.AnswerAsync(null!, CancellationToken.None)) updates.Add(update);
        return updates;
    }

    // Yields its updates, then throws its failure if it has one.
    private sealed class ScriptedGenerator(IReadOnlyList<AnswerUpdate> updates, Exception? failure = null) : IAnswerGenerator
    {
        public int Calls { get; private set; }

        public string Condensed { get; init; } = "offline reading";

        public bool Streams => true;

        public Task<StandaloneQuestion> CondenseAsync(string message, Conversation? conversation, CancellationToken cancellationToken) =>
            failure is null ? Task.FromResult(new StandaloneQuestion(Condensed)) : Task.FromException<StandaloneQuestion>(failure);

        public IAsyncEnumerable<AnswerUpdate> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken) => PlayAsync(cancellationToken);

        public IAsyncEnumerable<AnswerUpdate> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken) => PlayAsync(cancellationToken);

        private async IAsyncEnumerable<AnswerUpdate> PlayAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Calls++;
            foreach (var update in updates)
            {
                await Task.Yield();
                yield return update;
            }

            if (failure is not null) throw failure;
        }
    }
}
