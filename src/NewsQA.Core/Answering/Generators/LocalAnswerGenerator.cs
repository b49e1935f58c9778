using System.Runtime.CompilerServices;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Answering.Summaries;
using NewsQA.Core.Conversations;

namespace NewsQA.Core.Answering.Generators;

/// <summary>
/// The offline generator: extractive answers (<see cref="LocalAnswerer"/>) and summaries
/// (<see cref="ExtractiveSummarizer"/>), and the offline reading of follow-ups. Its answers come whole.
/// </summary>
public sealed class LocalAnswerGenerator(LocalAnswerer answerer, ExtractiveSummarizer summarizer) : IAnswerGenerator
{
    public bool Streams => false;

    public Task<StandaloneQuestion> CondenseAsync(string message, Conversation? conversation, CancellationToken cancellationToken) =>
        Task.FromResult(new StandaloneQuestion(FollowUpCondenser.Condense(message, conversation), FollowUpCondenser.CarriedContext(message, conversation)));

    public IAsyncEnumerable<AnswerUpdate> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken) => Once(Answer(request));

    public IAsyncEnumerable<AnswerUpdate> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken) => Once(Summarize(request));

    /// <summary>The extractive answer, at once.</summary>
    public Answer Answer(AnswerRequest r) => answerer.Answer(r);

    /// <summary>The extractive summary, at once.</summary>
    public Answer Summarize(SummaryRequest r) => summarizer.Summarize(r.Message, r.Standalone, r.Language, r.Scope);

#pragma warning disable CS1998 // An iterator of one element, to share the streaming signature.
    private static async IAsyncEnumerable<AnswerUpdate> Once(Answer answer, [EnumeratorCancellation] CancellationToken cancellationToken = default)
#pragma warning restore CS1998
    {
        yield return AnswerUpdate.Of(answer);
    }
}
