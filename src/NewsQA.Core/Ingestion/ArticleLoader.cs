using AngleSharp.Html.Parser;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// Parses a corpus file by its kind (text, Markdown or HTML) into passages. Markdown front matter and HTML metadata
/// give the article's title, date, outlet, link and language; a source credit line in the text is the fallback outlet.
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
        ParsedArticle article;
        if (file.Extension is ".html" or ".htm")
        {
            var (title, text) = HtmlTextExtractor.Extract(file.Text);
            var metadata = HtmlMetadataReader.Read(new HtmlParser().ParseDocument(file.Text), null);
            article = WithMetadata(ArticleParser.Parse(text, title), metadata);
        }
        else if (file.Extension == ".md")
        {
            var (fields, body, problem) = FrontMatter.Split(file.Text);
            var (metadata, dateProblem) = FrontMatter.Metadata(fields);
            foreach (var p in new[] { problem, dateProblem }.OfType<string>()) warnings?.Add(new CorpusWarning(file.Path, $"{p}; read without it"));
            article = WithMetadata(ArticleParser.Parse(body, metadata.Title, markdown: true), metadata);
        }
        else
        {
            article = ArticleParser.Parse(file.Text);
        }

        return article;
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
