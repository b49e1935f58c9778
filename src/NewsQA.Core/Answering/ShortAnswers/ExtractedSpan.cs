using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Answering.ShortAnswers;

/// <summary>The short answer found in a cited sentence: where it is in the passage, its kind when typed, how sure.</summary>
public sealed record ExtractedSpan(Passage Passage, SentenceSpan Span, SpanKind? Kind, double Probability)
{
    /// <summary>The span as the article writes it.</summary>
    public string Text => Passage.Text.Substring(Span.Start, Span.Length);
}
