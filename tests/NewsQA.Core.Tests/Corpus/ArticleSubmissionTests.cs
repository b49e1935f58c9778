using NewsQA.Core.Corpus;

namespace NewsQA.Core.Tests.Corpus;

public class ArticleSubmissionTests
{
    private const string Body = "The governor opened the new bridge over the Tigris on Thursday, and traffic crossed it within the hour.";

    [Fact]
    public void AFullSubmission_BecomesAnArticle()
    {
        var (article, problem) = new ArticleSubmission("Bridge opens", Body, null, "https://mosul.example/bridge", "2024-02-01T10:00:00+03:00", "Mosul News", "en-GB").ToArticle();
        Assert.Null(problem);
        Assert.Equal("Bridge opens", article!.Metadata.Title);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 10, 0, 0, TimeSpan.FromHours(3)), article.Metadata.Published);
        Assert.Equal("en", article.Metadata.Language);
        Assert.Equal(Body, Assert.Single(article.Paragraphs).Text);
    }

    [Fact]
    public void Html_IsExtracted_AndTheGivenFieldsWinOverThePages()
    {
        var html = "<html><head><meta property=\"og:title\" content=\"Page title\"><meta property=\"article:published_time\" content=\"2020-01-01\"></head><body><nav>Menu</nav><article><p>" + Body + "</p></article></body></html>";
        var (article, problem) = new ArticleSubmission("Given title", null, html, null, null, null, null).ToArticle();
        Assert.Null(problem);
        Assert.Equal("Given title", article!.Metadata.Title);
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), article.Metadata.Published);
        Assert.Equal(Body, Assert.Single(article.Paragraphs).Text);
    }

    [Theory]
    [InlineData("T", Body, "<p>x</p>", null, null, "not both")]
    [InlineData("T", null, null, null, null, "missing or empty")]
    [InlineData("T", "   ", null, null, null, "missing or empty")]
    [InlineData("T", Body, null, "ftp://host/file", null, "absolute http or https URL")]
    [InlineData("T", Body, null, "/relative", null, "absolute http or https URL")]
    [InlineData("T", Body, null, null, "next Tuesday", "\"published\" is not a date")]
    [InlineData("Two\nlines", Body, null, null, null, "\"title\" must be one line")]
    [InlineData("T", "text with a \u0000 NUL", null, null, null, "control characters")]
    [InlineData("T", "Menu", null, null, null, "no body text")]
    public void ABadSubmission_GetsItsReason(string? title, string? text, string? html, string? url, string? published, string reason)
    {
        var (article, problem) = new ArticleSubmission(title, text, html, url, published, null, null).ToArticle();
        Assert.Null(article);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void ABadLanguageOrAnOverlongTitle_GetsItsReason()
    {
        Assert.Contains("language tag", new ArticleSubmission("T", Body, null, null, null, null, "not a language!").ToArticle().Problem);
        Assert.Contains("longer than 500", new ArticleSubmission(new string('t', 501), Body, null, null, null, null, null).ToArticle().Problem);
    }
}
