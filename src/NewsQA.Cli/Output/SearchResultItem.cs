using NewsQA.Core.Retrieval;

namespace NewsQA.Cli.Output;

/// <summary>One ranked passage in `newsqa search --json` output.</summary>
public sealed record SearchResultItem(
    int Rank, string PassageId, string DocumentId, string Title, int Paragraph, double Score, string Text)
{
    /// <summary>With --explain: each query clause's part in the passage's lexical scores; left out otherwise.</summary>
    public LexicalExplanation? Explanation { get; init; }
}
