using System.Text;
using System.Xml;
using System.Xml.Linq;
using NewsQA.Core.Fetching;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Feeds;

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds. Item dates: RSS pubDate (or dc:date), Atom published (or
/// updated). Links are resolved against the feed's address; an item without an http(s) link keeps a null link. DTDs
/// are refused, so no feed can make the reader fetch or expand anything. Bounded: the XML is first read as a stream
/// and refused when it nests deeper than <see cref="MaxDepth"/> (a title 175,000 elements deep overflowed the stack),
/// text is gathered without recursion, and titles and outlet names are cut to <see cref="MetadataLimits"/>. A
/// declared encoding .NET cannot decode (UTF-7) is read as UTF-8; it and any item date that is not one are reported
/// in <see cref="Feed.Problems"/>.
/// </summary>
public static class FeedParser
{
    /// <summary>RSS items sit at depth 3 and Atom entries at 1; XHTML content adds its own nesting, rarely past 20.</summary>
    public const int MaxDepth = 64;

    // Nodes read between looks at the cancellation token (the fetch's time budget).
    private const int NodesPerCheck = 4096;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };

    public static Feed Parse(byte[] body, Uri feedUrl, CancellationToken cancellationToken = default)
    {
        ResponseText.EnsureCodePages();
        var problems = new List<string>();
        var root = Load(body, problems, cancellationToken).Root!;
        var feed = root.Name.LocalName switch
        {
            "rss" => Rss(root.Element("channel") ?? throw new FeedFormatException("RSS without a channel"), root.Element("channel")!.Elements("item"), feedUrl, problems),
            "RDF" => Rss(root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel") ?? root, root.Elements().Where(e => e.Name.LocalName == "item"), feedUrl, problems),
            "feed" when root.Name.Namespace == Atom => AtomFeed(root, feedUrl, problems),
            _ => throw new FeedFormatException($"<{MetadataLimits.Cut(root.Name.LocalName, 40)}> is not an RSS or Atom feed"),
        };
        return feed with { Problems = problems };
    }

    private static XDocument Load(byte[] body, List<string> problems, CancellationToken cancellationToken)
    {
        try
        {
            return Load(() => XmlReader.Create(new MemoryStream(body), Settings), cancellationToken);
        }
        catch (FeedFormatException e) when (e.InnerException is XmlException { InnerException: NotSupportedException or ArgumentException } unsupported)
        {
            // A reader over text takes the characters as they are and passes over the declared encoding.
            problems.Add($"the declared encoding is not supported ({unsupported.Message}); read as UTF-8");
            var text = new UTF8Encoding(false).GetString(body).TrimStart('\uFEFF');
            return Load(() => XmlReader.Create(new StringReader(text), Settings), cancellationToken);
        }
    }

    // Read twice: once as a stream, which keeps no tree and so nothing deep, to measure the nesting; then into a tree.
    private static XDocument Load(Func<XmlReader> open, CancellationToken cancellationToken)
    {
        try
        {
            using (var probe = open())
            {
                for (var nodes = 1; probe.Read(); nodes++)
                {
                    if (probe.Depth > MaxDepth) throw new FeedFormatException($"elements nested more than {MaxDepth} deep (line {((IXmlLineInfo)probe).LineNumber})");
                    if (nodes % NodesPerCheck == 0) cancellationToken.ThrowIfCancellationRequested();
                }
            }

            using var reader = open();
            return XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FeedFormatException($"not well-formed XML (line {e.LineNumber}: {e.Message})", e);
        }
    }

    private static Feed Rss(XElement channel, IEnumerable<XElement> items, Uri feedUrl, List<string> problems)
    {
        var parsed = items.Select(item =>
        {
            var link = Link(Text(Child(item, "link")) ?? PermaLink(Child(item, "guid")), feedUrl);
            var title = MetadataLimits.Title(Text(Child(item, "title")));
            return new FeedItem(title, link, Date(Text(Child(item, "pubDate")) ?? Text(item.Element(DublinCore + "date")), link, title, problems),
                Text(item.Element(Content + "encoded")) ?? Text(Child(item, "description")));
        }).ToList();
        return new Feed(Outlet(Text(Child(channel, "title"))), LanguageTag.Normalize(Text(Child(channel, "language")) ?? Text(channel.Element(DublinCore + "language"))), parsed);
    }

    private static Feed AtomFeed(XElement feed, Uri feedUrl, List<string> problems)
    {
        var items = feed.Elements(Atom + "entry").Select(entry =>
        {
            var link = AtomLink(entry, feedUrl);
            var title = MetadataLimits.Title(Text(entry.Element(Atom + "title")));
            return new FeedItem(title, link, Date(Text(entry.Element(Atom + "published")) ?? Text(entry.Element(Atom + "updated")), link, title, problems),
                Text(entry.Element(Atom + "content")) ?? Text(entry.Element(Atom + "summary")));
        }).ToList();
        var language = (string?)feed.Attribute(XNamespace.Xml + "lang");
        return new Feed(Outlet(Text(feed.Element(Atom + "title"))), LanguageTag.Normalize(language), items);
    }

    private static string? Outlet(string? title) => MetadataLimits.Source(title);

    private static DateTimeOffset? Date(string? text, Uri? link, string? title, List<string> problems)
    {
        var date = PublishedDate.Parse(text);
        if (date is null && text is not null)
        {
            problems.Add($"item {link?.AbsoluteUri ?? title ?? "(untitled)"}: date \"{MetadataLimits.Cut(text, 64)}\" is not a date; read without one");
        }

        return date;
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
        href is not null && href.Length <= WebLink.MaxLength && Uri.TryCreate(baseUrl, href, out var uri) && WebLink.IsHttp(uri.AbsoluteUri) ? uri : null;

    // The element's text, gathered in document order by XLinq's own iterative walk (XElement.Value recurses).
    private static string? Text(XElement? element)
    {
        if (element is null) return null;
        var text = new StringBuilder();
        foreach (var node in element.DescendantNodes())
        {
            if (node is XText part) text.Append(part.Value);
        }

        var value = text.ToString().Trim();
        return value.Length == 0 ? null : value;
    }
}
