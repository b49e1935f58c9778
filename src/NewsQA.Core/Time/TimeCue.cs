namespace NewsQA.Core.Time;

/// <summary>A time expression found in a question: where it is (UTF-16 offsets into the question) and its kind.</summary>
public sealed record TimeCue(int Start, int Length, TimeCueKind Kind);
