using NewsQA.Core.Configuration;
using NewsQA.Core.Feeds;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Tests.Support;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Feeds;

/// <summary>
/// Issue 25, findings 1, 3 and 8 at the ingestors: feeds and pages from a loopback site the test starts, each shaped
/// like one the outside probe used. Nothing may throw past the ingestor; an item that cannot be read is set aside
/// until it changes and the feed's other items go in; no link or redirect reaches a private address.
/// </summary>
public sealed class HostileFeedTests : IAsyncLifetime
{
    private const string Paragraph = "Engineers opened the new grain silo in Basra on Monday, the trade ministry said, after two years of work.";
    private NewsSite _site = null!;
    private readonly TempFolder _corpus = new();

    public async Task InitializeAsync() => _site = await NewsSite.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _corpus.Dispose();
    }

    private static Task<FeedIngestion> IngestAsync(LiveNewsServices services, Uri feed, string folder) =>
        services.Get<FeedIngestor>().IngestAsync(feed, folder, CancellationToken.None);

    private bool Requested(string path) => _site.Requests.Any(r => r.Path == path);

    [Fact]
    public async Task AnItemWhosePageCannotBeRead_IsSetAside_TheOthersAreWritten_AndItIsNotFetchedAgainUntilItChanges()
    {
        using var services = new LiveNewsServices(NewsSite.AllowSettings());
        _site.Serve("/articles/deep.html", "text/html", HostileInputs.DeepPage(1000));
        _site.Serve("/articles/bad-date.html", "text/html", HostileInputs.PageDated("0001-01-01T00:00:00+14:00", "Silo opens in Basra", Paragraph));
        _site.Serve("/articles/seven.html", "text/html; charset=utf-7", $"<html><body><article><h1>Seven</h1><p>{Paragraph.Replace("Basra", "Amarah", StringComparison.Ordinal)}</p></article></body></html>");
        var items = new List<(string Title, string Link, string? PubDate)>
        {
            ("Deep", "{site}/articles/deep.html", null),
            ("Bad date", "{site}/articles/bad-date.html", HostileInputs.Rfc822OutOfRange),
            ("Seven", "{site}/articles/seven.html", null),
            ("Dam", "{site}/articles/dam.html", null),
        };
        _site.Serve("/hostile.xml", "application/rss+xml", HostileInputs.Rss("Hostile Wire", [.. items]));

        var first = await IngestAsync(services, _site.Url("/hostile.xml"), _corpus.Path);

        Assert.Null(first.Problem);
        Assert.Equal([IngestStatus.SetAside, IngestStatus.Written, IngestStatus.Written, IngestStatus.Written], first.Items.Select(i => i.Status));
        Assert.Contains($"nested more than {BoundedHtmlParser.MaxDepth} deep", first.Items[0].Reason);
        Assert.Null(first.Items[1].Published); // neither the feed's date nor the page's was a date
        Assert.Contains("Amarah", await File.ReadAllTextAsync(first.Items[2].Path!)); // read as UTF-8

        _site.Requests.Clear();
        var second = await IngestAsync(services, _site.Url("/hostile.xml"), _corpus.Path);
        Assert.Contains("set aside until the item changes", second.Items[0].Reason);
        Assert.False(Requested("/articles/deep.html"));

        items[0] = ("Deep, revised", items[0].Link, items[0].PubDate);
        _site.Serve("/hostile.xml", "application/rss+xml", HostileInputs.Rss("Hostile Wire", [.. items]));
        _site.Serve("/articles/deep.html", "text/html", $"<html><body><article><p>{Paragraph.Replace("Basra", "Kut", StringComparison.Ordinal)}</p></article></body></html>");
        var third = await IngestAsync(services, _site.Url("/hostile.xml"), _corpus.Path);
        Assert.Equal(IngestStatus.Written, third.Items[0].Status); // the item changed: tried again, and now readable
    }

    [Fact]
    public async Task AFeedNestedTooDeep_IsSetAside_UntilItsBodyChanges()
    {
        using var services = new LiveNewsServices(NewsSite.AllowSettings());
        _site.Serve("/deep.xml", "application/rss+xml", HostileInputs.DeepFeed(1000));

        var first = await IngestAsync(services, _site.Url("/deep.xml"), _corpus.Path);
        Assert.Contains($"nested more than {FeedParser.MaxDepth} deep", first.Problem);
        var second = await IngestAsync(services, _site.Url("/deep.xml"), _corpus.Path);
        Assert.StartsWith("set aside until it changes", second.Problem);

        _site.Serve("/deep.xml", "application/rss+xml", HostileInputs.Rss("Mended Wire", ("Dam", "{site}/articles/dam.html", null)));
        var third = await IngestAsync(services, _site.Url("/deep.xml"), _corpus.Path);
        Assert.Null(third.Problem);
        Assert.Equal(IngestStatus.Written, Assert.Single(third.Items).Status);
    }

    [Fact]
    public async Task AnItemLinkingToALoopbackAddress_AndARedirectToIt_AreNotFetched_NorWritten()
    {
        // The site is opened by its name, localhost, as an intranet site would be; 127.0.0.1 is not named.
        using var services = new LiveNewsServices(NewsSite.AllowSettings("localhost"));
        var feed = _site.ServeIntranetFeed();
        var read = await IngestAsync(services, feed, _corpus.Path);

        Assert.Equal([IngestStatus.SetAside, IngestStatus.SetAside, IngestStatus.Written], read.Items.Select(i => i.Status));
        Assert.All(read.Items.Take(2), i => Assert.Contains("127.0.0.1 is a loopback (127.0.0.0/8) address", i.Reason));
        Assert.False(Requested(NewsSite.SecretPath));
        Assert.True(Requested("/redirect-internal")); // the allowed host was asked; where it pointed was not
        var file = Assert.Single(Directory.GetFiles(_corpus.Path));
        Assert.DoesNotContain(NewsSite.SecretCode, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task ALoopbackFeed_IsRefused_UnlessItsHostIsNamed()
    {
        using var services = new LiveNewsServices();
        var read = await IngestAsync(services, _site.Url("/atom.xml"), _corpus.Path);
        Assert.Contains("not fetched: 127.0.0.1 is a loopback", read.Problem);
        Assert.Contains("Ingestion:AllowPrivateHosts", read.Problem);
        Assert.Empty(_site.Requests);
    }

    [Fact]
    public async Task TheServicesOwnAddress_IsRefused_EvenOnANamedHost()
    {
        using var services = new LiveNewsServices(NewsSite.AllowSettings());
        services.Get<NewsQA.Core.Fetching.FetchAddressPolicy>().RefuseOwnAddresses([_site.BaseAddress.AbsoluteUri]);
        var read = await IngestAsync(services, _site.Url("/atom.xml"), _corpus.Path);
        Assert.Contains("this service's own listening address", read.Problem);
        Assert.Empty(_site.Requests);
    }

    [Fact]
    public async Task TitlesAndOutletNamesFromAFeed_AreCutInTheWrittenArticle()
    {
        using var services = new LiveNewsServices(NewsSite.AllowSettings());
        _site.Serve("/plain.html", "text/html", $"<html><body><article><p>{Paragraph}</p><p>{Paragraph.Replace("Basra", "Hilla", StringComparison.Ordinal)}</p></article></body></html>");
        _site.Serve("/long.xml", "application/rss+xml", HostileInputs.Rss(HostileInputs.Repeat("Outlet ", 300_000), (HostileInputs.Repeat("Title ", 300_000), "{site}/plain.html", null)));

        var read = await IngestAsync(services, _site.Url("/long.xml"), _corpus.Path);

        var written = Assert.Single(read.Items);
        Assert.Equal(IngestStatus.Written, written.Status);
        var article = ArticleLoader.Parse(CorpusReader.Read(_corpus.Path, [], CorpusOptions.DefaultMaxFileBytes).Single());
        Assert.InRange(article.Title.Length, 1, MetadataLimits.MaxTitleChars);
        Assert.InRange(article.Source!.Length, 1, MetadataLimits.MaxSourceChars);
        Assert.True(new FileInfo(written.Path!).Length < 4096);
    }
}
