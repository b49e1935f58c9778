using System.Runtime.CompilerServices;
using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Generators;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Answering.Summaries;

namespace NewsQA.Bot.Tests;

/// <summary>An answer generator that fails unexpectedly, after writing part of its answer when it streams.</summary>
public sealed class BrokenAnswerGenerator(bool streams) : IAnswerGenerator
{
    public const string Partial = "The answer began";

    public bool Streams => streams;

    public Task<StandaloneQuestion> CondenseAsync(string message, NewsQA.Core.Conversations.Conversation? conversation, CancellationToken cancellationToken) =>
        Task.FromResult(new StandaloneQuestion(message));

    public IAsyncEnumerable<AnswerUpdate> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken) => FailAsync(cancellationToken);

    public IAsyncEnumerable<AnswerUpdate> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken) => FailAsync(cancellationToken);

    private async IAsyncEnumerable<AnswerUpdate> FailAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (streams) yield return new AnswerUpdate(Partial);
        await Task.Yield();
        throw new InvalidOperationException("the generator broke");
    }
}
