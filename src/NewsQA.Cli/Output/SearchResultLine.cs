namespace NewsQA.Cli.Output;

/// <summary>The JSON line `newsqa search --json` prints for one question.</summary>
public sealed record SearchResultLine(string Question, IReadOnlyList<SearchResultItem> Results, string? Error = null);
