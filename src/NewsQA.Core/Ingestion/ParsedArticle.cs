namespace NewsQA.Core.Ingestion;

/// <summary>
/// An article after boilerplate removal: title, source credit and body paragraphs in order, with the metadata its file
/// declared (front matter, HTML metadata). <see cref="Published"/> is null when nothing gave a date.
/// </summary>
public sealed record ParsedArticle(string Title, string? Source, IReadOnlyList<ArticleParagraph> Paragraphs)
{
    public DateTimeOffset? Published { get; init; }

    /// <summary>The article's own link (canonical URL), absolute http(s).</summary>
    public string? Url { get; init; }

    /// <summary>The declared language tag ("ar", "en"), lower case.</summary>
    public string? Language { get; init; }

    /// <summary>Whether the article had no title, so that <see cref="Title"/> was made from its first words.</summary>
    public bool Untitled { get; init; }
}
