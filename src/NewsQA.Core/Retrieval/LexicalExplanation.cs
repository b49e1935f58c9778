namespace NewsQA.Core.Retrieval;

/// <summary>One passage's lexical scores for a query, clause by clause (<see cref="LexicalScorer.Explain"/>).</summary>
/// <param name="PassageNumber">The passage explained.</param>
/// <param name="Clauses">The clauses with a posting in the passage, in the order the scorer adds them.</param>
/// <param name="Keyword">The keyword leg's score (BM25): the sum of the clauses' keyword parts.</param>
/// <param name="Vector">The lexical vector leg's score (cosine): the clauses' dot products summed, over the passage vector's length.</param>
public sealed record LexicalExplanation(int PassageNumber, IReadOnlyList<ClauseContribution> Clauses, double Keyword, double Vector);
