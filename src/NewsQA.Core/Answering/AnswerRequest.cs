using NewsQA.Core.Indexing;
using NewsQA.Core.Providers;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering;

/// <summary>A factual question ready to answer: the message, its standalone form and language, and what retrieval found.</summary>
public sealed record AnswerRequest(string Message, string Standalone, TextLanguage Language, PassageIndex Index, RetrievalQuery Query, IReadOnlyList<SearchHit> Hits)
{
    /// <summary>The answer's deadline for its model calls, when it has one.</summary>
    public ModelDeadline? Deadline { get; init; }

    /// <summary>For a follow-up, the answer it follows (its cited sentence and article are read first); else null.</summary>
    public Answer? Previous { get; init; }
}
