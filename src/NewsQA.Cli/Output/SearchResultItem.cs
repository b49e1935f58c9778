namespace NewsQA.Cli.Output;

/// <summary>One ranked passage in `newsqa search --json` output.</summary>
public sealed record SearchResultItem(
    int Rank, string PassageId, string DocumentId, string Title, int Paragraph, double Score, string Text);
