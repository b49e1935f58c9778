using System.Xml;
using System.Xml.Linq;
using NewsQA.Core.Fetching;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Feeds;

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds. Item dates: RSS pubDate (or dc:date), Atom published (or
/// updated). Links are resolved against the feed's address; an item without an http(s) link keeps a null link. DTDs
/// are refused, so no feed can make the reader fetch or expand anything.
/// </summary>
public static class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    public static Feed Parse(byte[] body, Uri feedUrl)
    {
        ResponseText.EnsureCodePages();
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            using var reader = XmlReader.Create(new MemoryStream(body), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FeedFormatException($"not well-formed XML (line {e.LineNumber}: {e.Message})");
        }

        var root = document.Root!;
        return root.Name.LocalName switch
        {
            "rss" => Rss(root.Element("channel") ?? throw new FeedFormatException("RSS without a channel"), root.Element("channel")!.Elements("item"), feedUrl),
            "RDF" => Rss(root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel") ?? root, root.Elements().Where(e => e.Name.LocalName == "item"), feedUrl),
            "feed" when root.Name.Namespace == Atom => AtomFeed(root, feedUrl),
            _ => throw new FeedFormatException($"<{root.Name.LocalName}> is not an RSS or Atom feed"),
        };
    }

    private static Feed Rss(XElement channel, IEnumerable<XElement> items, Uri feedUrl)
    {
        var parsed = items.Select(item => new FeedItem(
            Text(Child(item, "title")),
            Link(Text(Child(item, "link")) ?? PermaLink(Child(item, "guid")), feedUrl),
            PublishedDate.Parse(Text(Child(item, "pubDate")) ?? Text(item.Element(DublinCore + "date"))),
            Text(item.Element(Content + "encoded")) ?? Text(Child(item, "description")))).ToList();
        return new Feed(Text(Child(channel, "title")), LanguageTag.Normalize(Text(Child(channel, "language")) ?? Text(channel.Element(DublinCore + "language"))), parsed);
    }

    private static Feed AtomFeed(XElement feed, Uri feedUrl)
    {
        var items = feed.Elements(Atom + "entry").Select(entry => new FeedItem(
            Text(entry.Element(Atom + "title")),
            AtomLink(entry, feedUrl),
            PublishedDate.Parse(Text(entry.Element(Atom + "published")) ?? Text(entry.Element(Atom + "updated"))),
            Text(entry.Element(Atom + "content")) ?? Text(entry.Element(Atom + "summary")))).ToList();
        var language = (string?)feed.Attribute(XNamespace.Xml + "lang");
        return new Feed(Text(feed.Element(Atom + "title")), LanguageTag.Normalize(language), items);
    }

    // RSS 1.0 puts its elements in its own namespace, RSS 2.0 in none.
    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name && e.Name.Namespace != DublinCore);

    private static Uri? AtomLink(XElement entry, Uri feedUrl)
    {
        var links = entry.Elements(Atom + "link").ToList();
        var alternate = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
        var baseUrl = (string?)entry.Attribute(XNamespace.Xml + "base") is { } xmlBase && Uri.TryCreate(feedUrl, xmlBase, out var b) ? b : feedUrl;
        return Link((string?)alternate?.Attribute("href"), baseUrl);
    }

    private static string? PermaLink(XElement? guid) =>
        guid is not null && !string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase) ? Text(guid) : null;

    private static Uri? Link(string? href, Uri baseUrl) =>
        href is not null && Uri.TryCreate(baseUrl, href, out var uri) && WebLink.IsHttp(uri.AbsoluteUri) ? uri : null;

    private static string? Text(XElement? element)
    {
        var value = element?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
