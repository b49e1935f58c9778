using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Questions;

namespace NewsQA.Core.Answering.ShortAnswers;

/// <summary>
/// The best span of the asked kind in a cited sentence: the span, its match against the question, its softmax share
/// among the sentence's spans of that kind (<see cref="SpanProbability"/>) and how many there were.
/// </summary>
public sealed record KindCandidate(ReadQuestion Question, SentenceEvidence Sentence, SentenceMatch Match, AnswerSpan Span, ExtractedSpan Extracted, double SpanProbability, int Candidates)
{
    /// <summary>Its softmax share among every candidate span of the sentence, of any kind or none.</summary>
    public double AmongAllSpans { get; init; }

    /// <summary>The answerability model's probability that the sentence answers the question.</summary>
    public double Answerability { get; init; }
}
