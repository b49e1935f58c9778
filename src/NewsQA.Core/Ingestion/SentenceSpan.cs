namespace NewsQA.Core.Ingestion;

/// <summary>Where one sentence sits inside its passage text, in UTF-16 characters.</summary>
public readonly record struct SentenceSpan(int Start, int Length)
{
    public int End => Start + Length;
}
