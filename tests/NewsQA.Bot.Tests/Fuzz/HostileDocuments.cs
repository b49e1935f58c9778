using System.Text;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests.Fuzz;

/// <summary>
/// Generates hostile articles, pages and feeds from a seeded random source, in the classes the outside probe used and
/// their neighbours (issue 25): nesting from a few hundred to 200,000 levels (HTML, XML, YAML, JSON-LD, SVG), markup
/// left open (scripts, comments, raw text), dates outside the calendar in every place a date is read, charsets .NET
/// refuses, megabyte titles and links, mutated real pages, binary bytes, and links to private addresses. Every case
/// is at most about a megabyte, so that a run stays within seconds.
/// </summary>
public sealed class HostileDocuments(Random random)
{
    private static readonly string[] OutOfRangeDates =
    [
        HostileInputs.Rfc822OutOfRange, HostileInputs.ShortOutOfRange, "31 Dec 9999 23:59:59 -1400", "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00", "Mon, 99 Jan 2024 25:61:00 +9999", "2024-02-30", "-0001-01-01", "1e9",
    ];

    private static readonly string[] NestingTags = ["div", "span", "b", "table", "ul", "a", "font", "section", "blockquote", "p", "li", "td"];
    private static readonly string[] RawTextTags = ["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed"];
    private static readonly string[] Charsets = ["utf-7", "UTF-7", "utf-32", "x-bogus", "iso-2022-jp", "windows-1256", "\"utf-7\"", "", "utf-16"];
    private static readonly int[] Depths = [300, 2_000, 50_000, 200_000];

    /// <summary>An article file for the corpus folder: its name (by its kind) and its text.</summary>
    public (string Name, string Text) NextFile(int index) => random.Next(4) switch
    {
        0 => ($"fuzz-{index:D3}.html", NextPage()),
        1 or 2 => ($"fuzz-{index:D3}.md", NextMarkdown()),
        _ => ($"fuzz-{index:D3}.txt", NextText()),
    };

    /// <summary>A hostile HTML page.</summary>
    public string NextPage() => random.Next(11) switch
    {
        0 => Nest(Pick(NestingTags), Pick(Depths)),
        1 => $"<html><body><p>{Sentence()}</p>{HostileInputs.Repeat($"<{Pick(RawTextTags)}>", random.Next(1_000, 120_000))}",
        2 => $"<p>{Sentence()}</p>" + HostileInputs.Repeat(Pick(["<!-- ", "<![CDATA[", "<!", "</", "<?x ", "&#", "&amp"]), random.Next(10_000, 200_000)),
        3 => Dated(Pick(OutOfRangeDates)),
        4 => HostileInputs.HugeTitlePage(random.Next(50_000, 300_000), Sentence()),
        5 => Mutate(NewsPages.HeavyNavigationPage),
        6 => $"""<html><head><meta charset="{Pick(Charsets)}"><meta http-equiv="Content-Type" content="text/html; charset={Pick(Charsets)}"></head><body><article><p>{Sentence()} +AGEAYgBj- {Bytes(200)}</p></article></body></html>""",
        7 => $"""<html><body><script type="application/ld+json">{HostileInputs.Repeat("[", Pick(Depths))}{HostileInputs.Repeat("]", random.Next(0, 10))}</script><article><p>{Sentence()}</p></article></body></html>""",
        8 => $"<html><body><div {HostileInputs.Repeat("a=\"b\" ", random.Next(10_000, 100_000))}><p>{Sentence()}</p></div><p class=\"{HostileInputs.Repeat("caption ", 50_000)}",
        9 => $"<html><body><p>{Sentence()}</p><svg>{HostileInputs.Repeat(Pick(["<g>", "<path/>", "<math><mi>", "<foreignObject><div>"]), random.Next(1_000, 100_000))}",
        _ => $"<html><body><p>{Sentence()}</p><a href=\"http://{HostileInputs.Repeat("a", random.Next(3_000, 500_000))}.example/\">link</a><link rel=\"canonical\" href=\"{Pick(PrivateLinks)}\"></body></html>",
    };

    /// <summary>A response for a hostile page: its content type (a charset .NET may refuse) and its body.</summary>
    public (string ContentType, string Body) NextPageResponse() =>
        (random.Next(3) == 0 ? $"text/html; charset={Pick(Charsets)}" : "text/html", NextPage());

    /// <summary>A hostile feed, linking (among others) to the given pages of the site.</summary>
    public string NextFeed(IReadOnlyList<string> pages)
    {
        var items = new StringBuilder();
        foreach (var page in pages)
        {
            var title = random.Next(4) == 0 ? HostileInputs.Repeat("Title ", random.Next(10_000, 100_000)) : Sentence();
            var date = random.Next(2) == 0 ? Pick(OutOfRangeDates) : "Mon, 04 Mar 2024 22:00:00 GMT";
            items.Append($"<item><title>{System.Security.SecurityElement.Escape(title)}</title><link>{page}</link><pubDate>{date}</pubDate><description>{System.Security.SecurityElement.Escape(Sentence())}</description></item>");
        }

        foreach (var link in PrivateLinks.Take(random.Next(1, PrivateLinks.Length + 1))) items.Append($"<item><title>Private</title><link>{link}</link></item>");
        return random.Next(6) switch
        {
            0 => $"""<?xml version="1.0" encoding="{Pick(Charsets)}"?><rss version="2.0"><channel><title>Fuzz</title>{items}</channel></rss>""",
            1 => $"""<rss version="2.0"><channel><title>Fuzz</title>{items}<item><title>{HostileInputs.Repeat("<x>", Pick(Depths))}</title></item></channel></rss>""",
            2 => $"""<feed xmlns="http://www.w3.org/2005/Atom"><title>{HostileInputs.Repeat("Fuzz ", 200_000)}</title><entry><title>E</title><link href="{pages[0]}"/><updated>{Pick(OutOfRangeDates)}</updated></entry></feed>""",
            3 => $"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{HostileInputs.Repeat("a", 1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title>{items}</channel></rss>""",
            4 => Mutate($"""<rss version="2.0"><channel><title>Fuzz</title>{items}</channel></rss>"""),
            _ => $"""<rss version="2.0"><channel><title>Fuzz</title>{items}</channel></rss>""",
        };
    }

    /// <summary>Links to addresses that are not public, on the site's port (the site is also at 127.0.0.1).</summary>
    public string[] PrivateLinks { get; set; } = [];

    private string NextMarkdown() => random.Next(7) switch
    {
        0 => $"---\ntitle: Fuzz\ntags: {HostileInputs.Repeat(Pick(["[", "{a: "]), Pick(Depths))}\n---\n# Fuzz\n\n{Sentence()}\n",
        1 => $"---\ntitle: Fuzz\ndate: {Pick(OutOfRangeDates)}\npublished: {Pick(OutOfRangeDates)}\n---\n# Fuzz\n\n{Sentence()}\n",
        2 => $"---\n{string.Concat(Enumerable.Range(0, 150).Select(i => new string(' ', i) + "a:\n"))}---\n{Sentence()}\n",
        3 => $"---\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\ntitle: {HostileInputs.Repeat("t", 200_000)}\nurl: http://{HostileInputs.Repeat("u", 100_000)}.example/\n---\n{Sentence()}\n",
        4 => $"---\ntitle: \"{Bytes(300)}\"\nsource: {HostileInputs.Repeat("Outlet ", 50_000)}\n---\n# {HostileInputs.Repeat("#", 10_000)}\n\n{Sentence()}\n",
        5 => Mutate($"---\ntitle: \"Fuzz\"\ndate: 2024-01-15\n---\n# Fuzz\n\n{Sentence()}\n\n{Sentence()}\n"),
        _ => "---\n" + HostileInputs.Repeat("key: value\n", 190) + "---\n" + Sentence(),
    };

    private string NextText() => random.Next(5) switch
    {
        // Long, but text: every line of it is indexed, so it is kept to what indexes in a moment.
        0 => Sentence() + HostileInputs.Repeat(" word", random.Next(10_000, 50_000)), // one line of up to 250 KB
        1 => "Title\n\n" + string.Concat(Enumerable.Range(0, random.Next(1_000, 5_000)).Select(i => $"Section {i}\nLine {i}.\n")),
        2 => Sentence() + "\n" + Bytes(random.Next(100, 100_000)),
        3 => HostileInputs.Repeat("(" + Sentence() + ")\n", random.Next(100, 2_000)),
        _ => HostileInputs.Repeat("[1] ", 50_000) + Sentence(),
    };

    private string Nest(string tag, int depth) => $"<html><body>{HostileInputs.Repeat($"<{tag}>", depth)}<p>{Sentence()}</p></body></html>";

    private string Dated(string date) => random.Next(3) switch
    {
        0 => HostileInputs.PageDated(date, "Fuzz", Sentence()),
        1 => $$"""<html><body><script type="application/ld+json">{"@type":"NewsArticle","headline":"Fuzz","datePublished":"{{date}}"}</script><article><p>{{Sentence()}}</p></article></body></html>""",
        _ => $"""<html><body><article><time datetime="{date}" pubdate>then</time><p>{Sentence()}</p></article></body></html>""",
    };

    // A real page with slices deleted, repeated or cut off, and bytes changed.
    private string Mutate(string text)
    {
        var mutated = new StringBuilder(text);
        for (var i = random.Next(1, 6); i > 0 && mutated.Length > 2; i--)
        {
            var at = random.Next(mutated.Length - 1);
            var length = Math.Min(random.Next(1, 200), mutated.Length - at);
            switch (random.Next(4))
            {
                case 0:
                    mutated.Remove(at, length);
                    break;
                case 1:
                    var slice = mutated.ToString(at, length);
                    mutated.Insert(at, HostileInputs.Repeat(slice, Math.Max(1, 200_000 / Math.Max(1, slice.Length))));
                    break;
                case 2:
                    mutated.Length = at;
                    break;
                default:
                    mutated[at] = Pick(['<', '>', '"', '&', '\0', '\uFFFF', '\u202E', '\n', ']', '-']);
                    break;
            }
        }

        return mutated.ToString();
    }

    private string Sentence() => $"Fuzz case {random.Next(1_000_000)} reports that the river port handled {random.Next(1, 999)} ships on {Pick(["Sunday", "Monday", "Tuesday"])}, officials said.";

    private string Bytes(int count)
    {
        var chars = new char[count];
        // Any character but a lone surrogate, which no file or page can hold as UTF-8.
        for (var i = 0; i < count; i++) chars[i] = (char)(random.Next(0, 0xFFFF - 0x800) is var c && c >= 0xD800 ? c + 0x800 : c);
        return new string(chars);
    }

    private T Pick<T>(T[] choices) => choices[random.Next(choices.Length)];
}
