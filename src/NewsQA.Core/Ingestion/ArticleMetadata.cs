namespace NewsQA.Core.Ingestion;

/// <summary>
/// What is known about an article beyond its text: title, published date, outlet, link and language. A field is null
/// where no source said it; nothing is guessed, and a date is never invented.
/// </summary>
public sealed record ArticleMetadata(
    string? Title = null,
    DateTimeOffset? Published = null,
    string? Source = null,
    string? Url = null,
    string? Language = null)
{
    public static readonly ArticleMetadata None = new();

    /// <summary>This metadata, each field it lacks taken from <paramref name="lessTrusted"/>.</summary>
    public ArticleMetadata Or(ArticleMetadata lessTrusted) => new(
        Title ?? lessTrusted.Title,
        Published ?? lessTrusted.Published,
        Source ?? lessTrusted.Source,
        Url ?? lessTrusted.Url,
        Language ?? lessTrusted.Language);
}
