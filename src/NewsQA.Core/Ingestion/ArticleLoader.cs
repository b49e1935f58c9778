namespace NewsQA.Core.Ingestion;

/// <summary>Parses a corpus file by its kind (text, Markdown or HTML) into passages.</summary>
public static class ArticleLoader
{
    /// <summary>The parsed article and its passages.</summary>
    public static (ParsedArticle Article, List<Passage> Passages) Load(CorpusFile file, int maxPassageChars)
    {
        ParsedArticle article;
        if (file.Extension is ".html" or ".htm")
        {
            var (title, text) = HtmlTextExtractor.Extract(file.Text);
            article = ArticleParser.Parse(text, title);
        }
        else
        {
            article = ArticleParser.Parse(file.Text, markdown: file.Extension == ".md");
        }

        return (article, PassageBuilder.Build(file.DocumentId, article, maxPassageChars));
    }
}
