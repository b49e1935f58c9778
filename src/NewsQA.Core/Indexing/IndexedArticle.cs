namespace NewsQA.Core.Indexing;

/// <summary>An article as the index lists it: what citations and summaries need; its passages come from <see cref="PassageIndex.PassagesOf"/>.</summary>
public sealed record IndexedArticle(string DocumentId, string Title, string? Source)
{
    public DateTimeOffset? Published { get; init; }

    public string? Url { get; init; }

    public string? Language { get; init; }
}
