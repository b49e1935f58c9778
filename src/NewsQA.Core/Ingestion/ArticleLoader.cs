namespace NewsQA.Core.Ingestion;

/// <summary>
/// Parses a corpus file by its kind (text, Markdown or HTML) into passages. Markdown front matter and HTML metadata
/// give the article's title, date, outlet, link and language; a source credit line in the text is the fallback outlet.
/// Reading a file never throws: a file that cannot be read as an article (nested too deep, or anything unforeseen in
/// its content) comes back with no paragraphs and a warning naming it, so one file never stops the others.
/// </summary>
public static class ArticleLoader
{
    /// <summary>The parsed article and its passages; unreadable metadata is reported in <paramref name="warnings"/>.</summary>
    public static (ParsedArticle Article, List<Passage> Passages) Load(CorpusFile file, int maxPassageChars, ICollection<CorpusWarning>? warnings = null)
    {
        var article = Parse(file, warnings);
        return (article, PassageBuilder.Build(file.DocumentId, article, maxPassageChars));
    }

    /// <summary>The parsed article alone, as <see cref="Load"/> reads it.</summary>
    public static ParsedArticle Parse(CorpusFile file, ICollection<CorpusWarning>? warnings = null)
    {
        try
        {
            return ParseUnchecked(file, warnings);
        }
#pragma warning disable CA1031 // The edge of one file: whatever its content makes a parser throw is that file's failure alone.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            warnings?.Add(new CorpusWarning(file.Path, $"skipped: {Unreadable(e)}; it is read again when it changes"));
            return new ParsedArticle(string.Empty, null, []);
        }
    }

    /// <summary>What made an input unreadable, in a few words: the format problem, else the exception's type and message.</summary>
    public static string Unreadable(Exception e) =>
        e is ArticleFormatException ? e.Message : $"could not be read as an article ({e.GetType().Name}: {MetadataLimits.Cut(e.Message, 200)})";

    private static ParsedArticle ParseUnchecked(CorpusFile file, ICollection<CorpusWarning>? warnings)
    {
        if (file.Extension is ".html" or ".htm")
        {
            var document = BoundedHtmlParser.Parse(file.Text);
            var (title, text) = HtmlTextExtractor.Extract(document);
            var problems = new List<string>();
            var metadata = HtmlMetadataReader.Read(document, null, problems);
            foreach (var p in problems) warnings?.Add(new CorpusWarning(file.Path, p));
            return WithMetadata(ArticleParser.Parse(text, MetadataLimits.Title(title)), metadata);
        }

        if (file.Extension == ".md")
        {
            var (fields, body, problem) = FrontMatter.Split(file.Text);
            var (metadata, dateProblem) = FrontMatter.Metadata(fields);
            foreach (var p in new[] { problem, dateProblem }.OfType<string>()) warnings?.Add(new CorpusWarning(file.Path, $"{p}; read without it"));
            return WithMetadata(ArticleParser.Parse(body, metadata.Title, markdown: true), metadata);
        }

        return ArticleParser.Parse(file.Text);
    }

    // An untitled article whose outlet and date are known is named by them ("Tigris Daily, 2024-03-05") rather than by
    // its first words.
    private static ParsedArticle WithMetadata(ParsedArticle article, ArticleMetadata metadata)
    {
        var source = metadata.Source ?? article.Source;
        var title = article.Untitled && source is not null && metadata.Published is { } date
            ? $"{source}, {date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}"
            : article.Title;
        return article with { Title = title, Source = source, Published = metadata.Published, Url = metadata.Url, Language = metadata.Language };
    }
}
