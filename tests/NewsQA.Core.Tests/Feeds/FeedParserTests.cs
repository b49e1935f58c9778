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

    // Issue 25, finding 1: the parts of a feed that stopped the bot. Depths here stay far below what overflows the
    // stack, so that a regression fails these tests rather than the test run; the process tests go to 175,000.
    [Fact]
    public void AFeedNestedDeeperThanTheLimit_IsRefused_SayingSo()
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse(HostileInputs.DeepFeed(FeedParser.MaxDepth * 4)));
        Assert.Contains($"nested more than {FeedParser.MaxDepth} deep", error.Message);
    }

    [Fact]
    public void ItemDatesOutsideTheCalendar_AreNoDates_AndReported()
    {
        var feed = Parse(HostileInputs.Rss("Poison Wire", ("Bad date", "{site}/a", HostileInputs.Rfc822OutOfRange), ("Good date", "{site}/b", "Mon, 04 Mar 2024 22:00:00 GMT")));
        Assert.Null(feed.Items[0].Published);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 22, 0, 0, TimeSpan.Zero), feed.Items[1].Published);
        var problem = Assert.Single(feed.Problems);
        Assert.Contains("https://news.example/a", problem);
        Assert.Contains(HostileInputs.Rfc822OutOfRange, problem);

        var atom = Parse("""<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title><link href="/e"/><updated>0001-01-01T00:00:00+14:00</updated></entry></feed>""");
        Assert.Null(Assert.Single(atom.Items).Published);
    }

    [Fact]
    public void AFeedDeclaringAnEncodingDotNetRefuses_IsReadAsUtf8_AndReported()
    {
        var feed = Parse("""<?xml version="1.0" encoding="utf-7"?><rss version="2.0"><channel><title>Seven Wire</title><item><title>Read anyway</title><link>{site}/seven</link></item></channel></rss>""");
        Assert.Equal("Seven Wire", feed.Title);
        Assert.Equal("Read anyway", Assert.Single(feed.Items).Title);
        Assert.Contains(feed.Problems, p => p.Contains("utf-7", StringComparison.Ordinal) && p.Contains("read as UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void TitlesAndOutletNames_AreCut_ToTheirLimits()
    {
        var feed = Parse(HostileInputs.Rss(HostileInputs.Repeat("Outlet ", 100_000), (HostileInputs.Repeat("Title ", 300_000), "{site}/long", null)));
        Assert.InRange(feed.Title!.Length, 100, NewsQA.Core.Ingestion.MetadataLimits.MaxSourceChars);
        Assert.InRange(Assert.Single(feed.Items).Title!.Length, 100, NewsQA.Core.Ingestion.MetadataLimits.MaxTitleChars);
        Assert.EndsWith("…", feed.Items[0].Title);
    }

    [Fact]
    public void ParsingObservesItsTimeBudget()
    {
        using var spent = new CancellationTokenSource();
        spent.Cancel();
        var big = HostileInputs.Rss("Big", [.. Enumerable.Range(0, 5000).Select(i => ($"Item {i}", $"{{site}}/{i}", (string?)null))]);
        Assert.ThrowsAny<OperationCanceledException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(big), Site, spent.Token));
    }
}
