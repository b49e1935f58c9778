using NewsQA.Core.Answering.Kinds;

namespace NewsQA.Core.Answering.ShortAnswers;

/// <summary>A candidate short answer: tokens [<see cref="Start"/>, <see cref="End"/>) of a sentence, its kind if typed, its features.</summary>
public sealed record AnswerSpan(int Start, int End, SpanKind? Kind, double[] Features)
{
    public int Length => End - Start;
}
