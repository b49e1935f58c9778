using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Indexing;

/// <summary>An article as the searchable index keeps it: what citations and summaries need, without terms or vectors.</summary>
public sealed record IndexedArticle(string DocumentId, string Title, string? Source, IReadOnlyList<Passage> Passages);
