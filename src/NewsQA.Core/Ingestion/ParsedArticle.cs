namespace NewsQA.Core.Ingestion;

/// <summary>An article after boilerplate removal: title, source credit and body paragraphs in order.</summary>
public sealed record ParsedArticle(string Title, string? Source, IReadOnlyList<ArticleParagraph> Paragraphs);
