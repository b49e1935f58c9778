namespace NewsQA.Core.Ingestion;

/// <summary>
/// A citable unit of an article: one paragraph, or one part of a long paragraph. <see cref="Text"/> is exactly as the
/// article wrote it; <see cref="Sentences"/> locate its sentences for sentence-level citations.
/// </summary>
public sealed record Passage(
    string Id,
    string DocumentId,
    string Title,
    int Paragraph,
    int Part,
    string? Heading,
    string Text,
    IReadOnlyList<SentenceSpan> Sentences)
{
    /// <summary>
    /// The names, numbers and dates of its sentences, recognized once when its article was indexed (with the names that
    /// article introduces); null for a passage that was not read from an index.
    /// </summary>
    public IReadOnlyList<PassageEntity>? Entities { get; init; }
}
