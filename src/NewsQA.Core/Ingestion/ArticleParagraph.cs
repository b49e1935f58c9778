namespace NewsQA.Core.Ingestion;

/// <summary>One body paragraph and the section heading it falls under, if any.</summary>
public sealed record ArticleParagraph(string? Heading, string Text);
