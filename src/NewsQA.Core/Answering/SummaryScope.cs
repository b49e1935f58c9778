using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Answering;

/// <summary>What a summary covers: one article (with its title) or a topic across articles, and its passages.</summary>
public sealed record SummaryScope(string? Title, string? Topic, IReadOnlyList<Passage> Passages);
