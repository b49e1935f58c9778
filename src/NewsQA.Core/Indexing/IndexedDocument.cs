namespace NewsQA.Core.Indexing;

/// <summary>An indexed article: its id, the hash of the file it came from, its metadata and its passages.</summary>
public sealed record IndexedDocument(
    string DocumentId,
    string ContentHash,
    string Title,
    string? Source,
    string SourcePath,
    IReadOnlyList<IndexedPassage> Passages);
