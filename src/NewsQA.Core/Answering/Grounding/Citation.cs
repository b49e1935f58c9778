using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Answering.Grounding;

/// <summary>What an answer's marker [n] points to: a passage and the span of the sentence(s) in it that support the claim.</summary>
public sealed record Citation(int Marker, Passage Passage, SentenceSpan Sentence)
{
    /// <summary>
    /// The cited article as the index lists it (outlet, publication date, link), attached by <see cref="AnswerService"/>
    /// to every final answer; null while an answer is being composed, or when the article is no longer indexed.
    /// </summary>
    public IndexedArticle? Article { get; init; }
}
