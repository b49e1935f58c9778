namespace NewsQA.Core.Indexing;

/// <summary>An indexed article: its id, the hash of the file it came from, its metadata and its passages.</summary>
public sealed record IndexedDocument(
    string DocumentId,
    string ContentHash,
    string Title,
    string? Source,
    string SourcePath,
    IReadOnlyList<IndexedPassage> Passages)
{
    /// <summary>When the article was published, when its file said (front matter, HTML metadata).</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>The article's own link, absolute http(s).</summary>
    public string? Url { get; init; }

    /// <summary>The declared language tag ("ar", "en").</summary>
    public string? Language { get; init; }
}
