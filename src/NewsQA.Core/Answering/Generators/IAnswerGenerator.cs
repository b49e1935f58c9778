using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Answering.Summaries;
using NewsQA.Core.Conversations;

namespace NewsQA.Core.Answering.Generators;

/// <summary>
/// Writes answers from retrieved passages: the offline generator (extractive, no network) or the model generator
/// (the prompt files through Semantic Kernel), one of them chosen once at start-up by AI:Provider. Each answer is a
/// sequence of updates ending in the final, validated <see cref="Answer"/>; a model's text arrives as it is written.
/// </summary>
public interface IAnswerGenerator
{
    /// <summary>Whether answers arrive as text while they are being written, before the final answer.</summary>
    bool Streams { get; }

    /// <summary>The standalone reading of a message in its conversation.</summary>
    Task<StandaloneQuestion> CondenseAsync(string message, Conversation? conversation, CancellationToken cancellationToken);

    /// <summary>A factual answer from the retrieved passages.</summary>
    IAsyncEnumerable<AnswerUpdate> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken);

    /// <summary>A summary of the resolved scope.</summary>
    IAsyncEnumerable<AnswerUpdate> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken);
}
