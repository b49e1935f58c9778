using System.Text;
using NewsQA.Core.Feeds;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Feeds;

public class FeedParserTests
{
    private static readonly Uri Site = new("https://news.example/");

    private static Feed Parse(string xml) => FeedParser.Parse(Encoding.UTF8.GetBytes(xml.Replace("{site}", "https://news.example", StringComparison.Ordinal)), new Uri(Site, "feed.xml"));

    [Fact]
    public void Rss_GivesItemsWithLinksAndPubDates()
    {
        var feed = Parse(NewsPages.Rss);
        Assert.Equal("Tigris Daily", feed.Title);
        Assert.Equal("en", feed.Language);
        Assert.Equal(4, feed.Items.Count);
        Assert.Equal("https://news.example/articles/ceasefire.html?utm_source=rss", feed.Items[0].Link!.AbsoluteUri);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 22, 0, 0, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Equal(new DateTimeOffset(2023, 11, 19, 8, 0, 0, TimeSpan.FromHours(3)), feed.Items[1].Published);
        Assert.Null(feed.Items[3].Published);
    }

    [Fact]
    public void Atom_ResolvesRelativeLinks_AndDatesByPublishedThenUpdated()
    {
        var feed = Parse(NewsPages.Atom);
        Assert.Equal("Euphrates Wire", feed.Title);
        Assert.Equal("https://news.example/articles/dam.html", feed.Items[0].Link!.AbsoluteUri);
        Assert.Equal(new DateTimeOffset(2022, 8, 15, 0, 0, 0, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Equal(new DateTimeOffset(2021, 5, 2, 12, 0, 0, TimeSpan.Zero), feed.Items[1].Published); // only <updated>
    }

    [Fact]
    public void Rss1_IsRead()
    {
        var feed = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel><title>Old wire</title></channel>
              <item><title>One</title><link>https://news.example/one</link><dc:date>2019-04-01T10:00:00Z</dc:date></item>
            </rdf:RDF>
            """);
        var item = Assert.Single(feed.Items);
        Assert.Equal(new DateTimeOffset(2019, 4, 1, 10, 0, 0, TimeSpan.Zero), item.Published);
        Assert.Equal("Old wire", feed.Title);
    }

    [Fact]
    public void AnItemLinkingToAnotherScheme_HasNoLink() =>
        Assert.Null(Assert.Single(Parse("<rss><channel><item><link>javascript:alert(1)</link></item></channel></rss>").Items).Link);

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><title>Broken</title><item><title>No end", "not well-formed XML")]
    [InlineData("<html><body>not a feed</body></html>", "<html> is not an RSS or Atom feed")]
    [InlineData("", "not well-formed XML")]
    [InlineData("<rss version=\"2.0\"></rss>", "RSS without a channel")]
    public void AMalformedFeed_IsAFeedFormatException_SayingWhy(string xml, string reason) =>
        Assert.Contains(reason, Assert.Throws<FeedFormatException>(() => Parse(xml)).Message);

    [Fact]
    public void ADocumentTypeDefinition_IsRefused_SoNoEntityIsExpanded()
    {
        var xxe = """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>""";
        Assert.Throws<FeedFormatException>(() => Parse(xxe));
    }
}
