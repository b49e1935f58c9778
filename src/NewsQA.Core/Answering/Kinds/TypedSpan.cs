namespace NewsQA.Core.Answering.Kinds;

/// <summary>A run of a sentence's tokens, [<see cref="Start"/>, <see cref="End"/>), that names something of one kind.</summary>
public readonly record struct TypedSpan(int Start, int End, SpanKind Kind)
{
    public int Length => End - Start;

    public bool Overlaps(int start, int end) => Start < end && start < End;
}
