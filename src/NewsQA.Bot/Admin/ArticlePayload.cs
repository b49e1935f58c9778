using NewsQA.Core.Ingestion;

namespace NewsQA.Bot.Admin;

/// <summary>An article of the corpus as the admin API describes it: its document id and what its front matter says.</summary>
public sealed record ArticlePayload(string DocumentId, string? Title, string? Published, string? Source, string? Url, string? Language)
{
    public static ArticlePayload From(string documentId, ArticleMetadata metadata) => new(
        documentId,
        metadata.Title,
        metadata.Published is { } date ? PublishedDate.Format(date) : null,
        metadata.Source,
        metadata.Url,
        metadata.Language);
}
