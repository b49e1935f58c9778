using System.Text;

namespace NewsQA.Testing;

/// <summary>
/// The feeds, pages and files an outside probe used to stop NewsQA (issue 25), written out for the tests: nesting deep
/// enough to overflow a recursive reader, dates outside the calendar's range, a charset .NET refuses, markup a regular
/// expression takes minutes over, titles of megabytes. Each comes with a readable article beside it, so that tests can
/// show the good input still going in.
/// </summary>
public static class HostileInputs
{
    /// <summary>An RFC 822 date whose instant in UTC is before DateTimeOffset.MinValue (its constructor threw).</summary>
    public const string Rfc822OutOfRange = "Mon, 01 Jan 0001 00:00:00 +1400";

    /// <summary>The same in the short form front matter uses.</summary>
    public const string ShortOutOfRange = "1 Jan 0001 00:00 +1400";

    /// <summary>The depth at which XElement.Value overflowed the stack (a 1.2 MB title).</summary>
    public const int StackBreakingXmlDepth = 175_000;

    /// <summary>The depth at which YamlDotNet's tree builder overflowed the stack (100 KB of front matter).</summary>
    public const int StackBreakingYamlDepth = 50_000;

    /// <summary>An RSS feed whose one item's title is nested <paramref name="depth"/> elements deep.</summary>
    public static string DeepFeed(int depth, string site = "{site}") =>
        $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Deep Wire</title><item><title>{Repeat("<b>", depth)}deep{Repeat("</b>", depth)}</title><link>{site}/articles/deep-item.html</link></item></channel></rss>""";

    /// <summary>An RSS feed of the given items (title, link, pubDate), on an outlet named <paramref name="outlet"/>.</summary>
    public static string Rss(string outlet, params (string Title, string Link, string? PubDate)[] items)
    {
        var feed = new StringBuilder($"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{Escape(outlet)}</title><language>en</language>""");
        foreach (var (title, link, date) in items)
        {
            feed.Append($"<item><title>{Escape(title)}</title><link>{Escape(link)}</link>");
            if (date is not null) feed.Append($"<pubDate>{date}</pubDate>");
            feed.Append("</item>");
        }

        return feed.Append("</channel></rss>").ToString();
    }

    /// <summary>A Markdown article whose front matter holds a list nested <paramref name="depth"/> levels deep (flow style, one line).</summary>
    public static string DeepFrontMatter(int depth) =>
        $"---\ntitle: Deep front matter\ntags: {Repeat("[", depth)}{Repeat("]", depth)}\n---\n# Deep front matter\n\nThe body of an article whose front matter nests too deep to be read, said a test on Monday.\n";

    /// <summary>A Markdown article dated <see cref="ShortOutOfRange"/> in its front matter.</summary>
    public static string OutOfRangeFrontMatter(string title, string body) =>
        $"---\ntitle: \"{title}\"\ndate: {ShortOutOfRange}\nsource: Poison Post\n---\n# {title}\n\n{body}\n";

    /// <summary>A page with a paragraph and then <paramref name="count"/> script tags that are never closed (8 bytes each).</summary>
    public static string UnclosedScripts(int count, string paragraph = "A paragraph before the scripts, which no reader of the page should lose.") =>
        $"<html><head><title>Scripts</title></head><body><p>{paragraph}</p>{Repeat("<script>", count)}</body></html>";

    /// <summary>A page whose article sits under <paramref name="depth"/> nested div elements that are never closed.</summary>
    public static string DeepPage(int depth) =>
        $"<html><head><title>Deep page</title></head><body>{Repeat("<div>", depth)}<p>The text at the bottom of a page nested too deep to be read.</p></body></html>";

    /// <summary>A news page whose og:title and og:site_name are <paramref name="chars"/> characters each.</summary>
    public static string HugeTitlePage(int chars, string paragraph) =>
        $"""<html><head><title>Short title</title><meta property="og:title" content="{Repeat("Title ", chars / 6)}"><meta property="og:site_name" content="{Repeat("Outlet ", chars / 7)}"></head><body><article><h1>{Repeat("Headline ", chars / 9)}</h1><p>{paragraph}</p></article></body></html>""";

    /// <summary>A readable page whose only flaw is the date in its metadata.</summary>
    public static string PageDated(string date, string title, string paragraph) =>
        $"""<html lang="en"><head><meta property="og:title" content="{title}"><meta property="article:published_time" content="{date}"></head><body><article><p>{paragraph}</p></article></body></html>""";

    /// <summary>A good, distinct article for a batch: its file name, text and the question only it answers.</summary>
    public static (string FileName, string Text, string Question, string Fact) GoodArticle(int i)
    {
        var fact = $"The river port of Umm Qasr received survey vessel Tigris-{i:D3} for its {Ordinal(i + 1)} inspection of the harbour channel, the port authority said.";
        return ($"good-{i:D3}.md", $"---\ntitle: \"Umm Qasr survey vessel Tigris-{i:D3}\"\ndate: 2024-06-{1 + (i % 28):D2}T08:00:00+03:00\n---\n# Umm Qasr survey vessel Tigris-{i:D3}\n\n{fact}\n",
            $"Which inspection did survey vessel Tigris-{i:D3} carry out at Umm Qasr?", fact);
    }

    public static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);
}
