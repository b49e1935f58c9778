using NewsQA.Core.Ingestion;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Ingestion;

public class HtmlArticleExtractorTests
{
    private static ParsedArticle Parse(string html)
    {
        var (metadata, text) = HtmlArticleExtractor.Extract(html, new Uri("https://news.example/a.html"));
        return ArticleParser.Parse(text, metadata.Title);
    }

    [Fact]
    public void HeavyNavigationPage_GivesTheArticlesParagraphsOnly()
    {
        var article = Parse(NewsPages.HeavyNavigationPage);
        Assert.Equal("Ceasefire talks resume in Baghdad", article.Title);
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.StartsWith("Delegations from the government", article.Paragraphs[0].Text);
        Assert.Equal(NewsPages.CeasefireFact, article.Paragraphs[1].Text);
        Assert.Equal("What comes next", article.Paragraphs[2].Heading);

        var all = string.Join("\n", article.Paragraphs.Select(p => p.Heading + " " + p.Text));
        string[] chrome = ["cookies", "World", "Business", "Share on", "Home", "Delegates arrive", "Read more", "Floods close schools",
            "Related stories", "Most read", "Football", "Leave a comment", "Your comment", "All rights reserved", "tracking code", "display:flex"];
        foreach (var text in chrome) Assert.DoesNotContain(text, all);
    }

    [Fact]
    public void ArabicPage_KeepsItsParagraphs_AndDropsItsMenu()
    {
        var article = Parse(NewsPages.ArabicPage);
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.Equal(NewsPages.NatoFact, article.Paragraphs[0].Text);
        Assert.DoesNotContain(article.Paragraphs, p => p.Text.Contains("اقتصاد", StringComparison.Ordinal) || p.Text.Contains("الحقوق", StringComparison.Ordinal));
    }

    [Fact]
    public void APageWithoutSemanticMarkup_GivesTheBlockWithTheMostParagraphText()
    {
        var article = Parse("""
            <html><head><title>Najaf on Friday</title></head><body>
              <div class="top"><p>Subscribe to our newsletter today.</p></div>
              <div class="col">
                <p>The first paragraph of the story, long enough to be the article, tells what happened in Najaf on Friday.</p>
                <p>The second paragraph of the story adds what officials said about it later in the evening.</p>
              </div>
              <div class="bottom"><p>Copyright the site.</p></div>
            </body></html>
            """);
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.DoesNotContain(article.Paragraphs, p => p.Text.Contains("Copyright", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEmptyOrScriptOnlyPage_GivesNoParagraphs()
    {
        Assert.Empty(Parse("<html><body><script>document.write('x')</script></body></html>").Paragraphs);
        Assert.Empty(Parse("").Paragraphs);
    }
}
