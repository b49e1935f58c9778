namespace NewsQA.Core.Retrieval;

/// <summary>What one clause adds to one passage.</summary>
/// <param name="Clause">The term (a gram starts with the gram marker), or a synonym group's members joined by " | ".</param>
/// <param name="DocumentFrequency">Passages holding it (a group: its union's).</param>
/// <param name="TermFrequency">Its term frequency in the passage (a group: the members' sum).</param>
/// <param name="Keyword">Its BM25 part (word and gram normalizations together).</param>
/// <param name="Vector">Its share of the cosine.</param>
public sealed record ClauseContribution(string Clause, int DocumentFrequency, int TermFrequency, double Keyword, double Vector);
