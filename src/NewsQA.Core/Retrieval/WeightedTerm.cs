namespace NewsQA.Core.Retrieval;

/// <summary>One analyzed query term and its weight (1 for a term the user typed; less for a translation candidate).</summary>
public readonly record struct WeightedTerm(string Term, double Weight);
