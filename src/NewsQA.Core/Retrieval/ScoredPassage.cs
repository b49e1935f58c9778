namespace NewsQA.Core.Retrieval;

/// <summary>A passage number in the index and its score from one retrieval leg.</summary>
public readonly record struct ScoredPassage(int PassageNumber, double Score);
