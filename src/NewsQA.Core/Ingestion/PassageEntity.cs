using NewsQA.Core.Answering.Kinds;

namespace NewsQA.Core.Ingestion;

/// <summary>A name, number or date a passage's text holds: characters [<see cref="Start"/>, + <see cref="Length"/>) and what it names.</summary>
public readonly record struct PassageEntity(int Start, int Length, SpanKind Kind)
{
    public int End => Start + Length;
}
