using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Corpus;

/// <summary>
/// An article sent to the admin API: a title, its text or its page's HTML, and optional link, date, outlet and
/// language. <see cref="ToArticle"/> checks every field and says what is wrong in one sentence; an article its reader
/// cannot read (HTML nested too deep) is one more such problem, never an exception.
/// </summary>
public sealed record ArticleSubmission(string? Title, string? Text, string? Html, string? Url, string? Published, string? Source, string? Language)
{
    public const int MaxTitleChars = MetadataLimits.MaxTitleChars;
    public const int MaxSourceChars = MetadataLimits.MaxSourceChars;

    /// <summary>The article, or the reason it cannot be one.</summary>
    public (NewArticle? Article, string? Problem) ToArticle()
    {
        if (Text is not null && Html is not null) return (null, "Give the article as \"text\" or as \"html\", not both.");
        if (string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Html)) return (null, "The article's \"text\" (or \"html\") is missing or empty.");
        if ((Problem(Title, "title", MaxTitleChars) ?? Problem(Source, "source", MaxSourceChars) ?? Problem(Language, "language", 35)) is { } field) return (null, field);
        if (HasControlCharacters(Text ?? Html!)) return (null, $"The article's \"{(Text is null ? "html" : "text")}\" contains control characters.");

        Uri? url = null;
        if (Url is not null && !WebLink.TryParse(Url, out url)) return (null, $"\"url\" must be an absolute http or https URL of at most {WebLink.MaxLength} characters.");
        DateTimeOffset? published = null;
        if (Published is not null && (published = PublishedDate.Parse(Published)) is null)
        {
            return (null, "\"published\" is not a date: use ISO 8601, for example 2024-01-15 or 2024-01-15T09:30:00+03:00.");
        }

        string? language = null;
        if (Language is not null && (language = LanguageTag.Normalize(Language)) is null) return (null, "\"language\" is not a language tag such as \"ar\" or \"en\".");

        var given = new ArticleMetadata(Clean(Title), published, Clean(Source), url?.AbsoluteUri, language);
        NewArticle article;
        try
        {
            article = Text is not null ? NewArticle.FromText(Text, given) : NewArticle.FromHtml(Html!, url, ArticleMetadata.None);
        }
#pragma warning disable CA1031 // What a submitted article's content makes the reader throw is the submission's problem, told to its sender.
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return (null, $"The article could not be read: {ArticleLoader.Unreadable(e)}.");
        }

        if (Html is not null) article = article with { Metadata = given.Or(article.Metadata) };
        if (article.Paragraphs.Count == 0) return (null, "The article has no body text once its title and page boilerplate are removed.");
        if (string.IsNullOrWhiteSpace(article.Metadata.Title)) return (null, "The article has no title: give \"title\".");
        return (article, null);
    }

    private static string? Problem(string? value, string name, int maxChars)
    {
        if (value is null) return null;
        if (value.Length > maxChars) return $"\"{name}\" is longer than {maxChars} characters.";
        if (value.Any(char.IsControl)) return $"\"{name}\" must be one line without control characters.";
        return string.IsNullOrWhiteSpace(value) ? $"\"{name}\" is empty; leave it out instead." : null;
    }

    private static bool HasControlCharacters(string text) => text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    private static string? Clean(string? value) => value is null ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
