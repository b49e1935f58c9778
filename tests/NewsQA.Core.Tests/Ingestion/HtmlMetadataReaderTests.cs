using AngleSharp.Html.Parser;
using NewsQA.Core.Ingestion;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Ingestion;

public class HtmlMetadataReaderTests
{
    private static readonly Uri Page = new("https://news.example/articles/story.html");

    private static ArticleMetadata Read(string html) => HtmlMetadataReader.Read(new HtmlParser().ParseDocument(html), Page);

    [Fact]
    public void OpenGraphPublishedTime_IsTrustedOverJsonLdAndTimeElements()
    {
        var metadata = Read(NewsPages.HeavyNavigationPage.Replace("{site}", "https://news.example", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 8, 30, 0, TimeSpan.FromHours(3)), metadata.Published);
        Assert.Equal("Ceasefire talks resume in Baghdad", metadata.Title);
        Assert.Equal("Tigris Daily", metadata.Source);
        Assert.Equal("https://news.example/articles/ceasefire.html", metadata.Url);
        Assert.Equal("en", metadata.Language);
    }

    [Fact]
    public void JsonLdNewsArticle_InAGraph_GivesDateAndPublisher()
    {
        var metadata = Read(NewsPages.ArabicPage);
        Assert.Equal(new DateTimeOffset(2023, 11, 20, 10, 15, 0, TimeSpan.FromHours(3)), metadata.Published);
        Assert.Equal("وكالة الأنباء العراقية", metadata.Source);
        Assert.Equal("الناتو يرفع عدد مستشاريه في العراق", metadata.Title);
        Assert.Equal("ar", metadata.Language);
        Assert.Equal(Page.AbsoluteUri, metadata.Url); // no canonical link: the page's own address
    }

    [Fact]
    public void TimeElement_OfTheArticle_IsUsed_NotTheSiteHeadersDate()
    {
        var metadata = Read(NewsPages.TimeElementPage);
        Assert.Equal(new DateTimeOffset(2022, 8, 14, 9, 0, 0, TimeSpan.Zero), metadata.Published);
        Assert.Null(metadata.Source);
    }

    [Fact]
    public void APageWithNoDate_HasNone() => Assert.Null(Read(NewsPages.UndatedPage).Published);

    [Fact]
    public void BrokenJsonLd_IsPassedOver()
    {
        var metadata = Read("""<html><head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script><meta name="article:published_time" content="2020-02-02"></head><body><p>x</p></body></html>""");
        Assert.Equal(new DateTimeOffset(2020, 2, 2, 0, 0, 0, TimeSpan.Zero), metadata.Published);
    }

    [Fact]
    public void ACanonicalLinkToAnotherScheme_IsNotTheArticlesLink()
    {
        var metadata = Read("""<html><head><link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="/articles/relative.html"></head><body></body></html>""");
        Assert.Equal("https://news.example/articles/relative.html", metadata.Url);
    }
}
