using NewsQA.Core.Answering.Grounding;

namespace NewsQA.Core.Answering.Payloads;

/// <summary>
/// One citation in <see cref="AnswerPayload"/>: the passage and the supporting sentence's span in its text, and the
/// article's outlet, publication date (ISO 8601) and link, each present only when the article has one.
/// </summary>
public sealed record CitationPayload(int Marker, string PassageId, string DocumentId, string Title, int Paragraph, string Text, SentencePayload Sentence)
{
    public string? Source { get; init; }

    public string? Published { get; init; }

    public string? Url { get; init; }

    /// <summary>The payload of a citation.</summary>
    public static CitationPayload From(Citation c) => new(
        c.Marker, c.Passage.Id, c.Passage.DocumentId, c.Passage.Title, c.Passage.Paragraph, c.Passage.Text,
        new SentencePayload(c.Sentence.Start, c.Sentence.Length))
    {
        Source = c.Article?.Source,
        Published = c.Article?.Published is { } date ? Ingestion.PublishedDate.Format(date) : null,
        Url = c.Article?.Url,
    };
}
