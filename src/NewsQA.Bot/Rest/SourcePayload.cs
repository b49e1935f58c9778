using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Answering.Payloads;
using NewsQA.Core.Ingestion;

namespace NewsQA.Bot.Rest;

/// <summary>
/// GET /sources/{passageId} as JSON: the passage, its article's title, outlet, publication date (ISO 8601) and link
/// (those it has), its paragraph number and text, and the highlighted sentence's span when one was asked for and fits.
/// </summary>
public sealed record SourcePayload(
    string PassageId, string DocumentId, string Title, string? Source, string? Published, string? Url, int Paragraph, string Text, SentencePayload? Sentence)
{
    public static SourcePayload From(SourceView view) => new(
        view.Passage.Id,
        view.Passage.DocumentId,
        view.Passage.Title,
        view.Source,
        view.Article?.Published is { } date ? PublishedDate.Format(date) : null,
        view.Article?.Url,
        view.Passage.Paragraph,
        view.Passage.Text,
        view.Highlight is { } h ? new SentencePayload(h.Start, h.Length) : null);
}
