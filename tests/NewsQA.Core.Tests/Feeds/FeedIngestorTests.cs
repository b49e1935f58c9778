using NewsQA.Core.Configuration;
using NewsQA.Core.Feeds;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Tests.Support;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Feeds;

public sealed class FeedIngestorTests : IAsyncLifetime
{
    private NewsSite _site = null!;
    private readonly TempFolder _corpus = new();
    private readonly LiveNewsServices _services = new(NewsSite.AllowSettings());

    public async Task InitializeAsync() => _site = await NewsSite.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _services.Dispose();
        _corpus.Dispose();
    }

    private Task<FeedIngestion> IngestAsync(string feed) => _services.Get<FeedIngestor>().IngestAsync(_site.Url(feed), _corpus.Path, CancellationToken.None);

    private ParsedArticle Read(string path) => ArticleLoader.Parse(CorpusReader.Read(_corpus.Path, [], CorpusOptions.DefaultMaxFileBytes).Single(f => f.Path == path));

    [Fact]
    public async Task Rss_WritesEachNewItem_WithItsMetadata_AndNamesEachFailure()
    {
        var read = await IngestAsync("/rss.xml");

        Assert.Null(read.Problem);
        Assert.Equal([IngestStatus.Written, IngestStatus.Written, IngestStatus.Failed, IngestStatus.Failed], read.Items.Select(i => i.Status));
        Assert.Equal("HTTP 404 Not Found", read.Items[2].Reason);
        Assert.EndsWith("/articles/missing.html", read.Items[2].Url);
        Assert.Contains("larger than", read.Items[3].Reason);
        Assert.Equal(2, Directory.GetFiles(_corpus.Path).Length); // nothing half-written left behind

        var ceasefire = Read(read.Items[0].Path!);
        Assert.Equal("Ceasefire talks resume in Baghdad", ceasefire.Title); // the page's title over the feed's
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 8, 30, 0, TimeSpan.FromHours(3)), ceasefire.Published); // the page's date over pubDate
        Assert.Equal("Tigris Daily", ceasefire.Source);
        Assert.Equal(_site.Url("/articles/ceasefire.html").AbsoluteUri, ceasefire.Url); // canonical, without the tracking parameter
        Assert.Equal("en", ceasefire.Language);
        Assert.Contains(ceasefire.Paragraphs, p => p.Text == NewsPages.CeasefireFact);
        Assert.DoesNotContain(ceasefire.Paragraphs, p => p.Text.Contains("Share on", StringComparison.Ordinal) || p.Text.Contains("Floods", StringComparison.Ordinal));
        Assert.StartsWith("2024-03-05-ceasefire-talks-resume-in-baghdad-", Path.GetFileName(read.Items[0].Path));

        var nato = Read(read.Items[1].Path!);
        Assert.Equal("وكالة الأنباء العراقية", nato.Source);
        Assert.Equal("ar", nato.Language);
        Assert.Equal(NewsPages.NatoFact, nato.Paragraphs[0].Text);
    }

    [Fact]
    public async Task AFeedWithAFailedItem_IsReadInFullNextTime_AndOnlyTheFailedPageIsFetchedAgain()
    {
        await IngestAsync("/rss.xml");
        _site.Requests.Clear();
        _site.Serve("/articles/missing.html", "text/html", NewsPages.UndatedPage.Replace("A market reopens in Basra", "Back online", StringComparison.Ordinal));

        var second = await IngestAsync("/rss.xml");

        var feedRequest = _site.Requests.First();
        Assert.Equal("/rss.xml", feedRequest.Path);
        Assert.Null(feedRequest.IfNoneMatch); // not conditional: an item failed last time
        Assert.Equal(IngestStatus.Written, second.Items[2].Status);
        Assert.Equal([IngestStatus.Skipped, IngestStatus.Skipped], second.Items.Take(2).Select(i => i.Status));
        Assert.DoesNotContain(_site.Requests, r => r.Path == "/articles/ceasefire.html");
    }

    [Fact]
    public async Task Atom_IsAskedForConditionally_AndAnUnchangedFeedCostsOne304()
    {
        var first = await IngestAsync("/atom.xml");
        Assert.Equal(IngestStatus.Written, first.Items[0].Status);
        var dam = Read(first.Items[0].Path!);
        Assert.Equal(new DateTimeOffset(2022, 8, 14, 9, 0, 0, TimeSpan.Zero), dam.Published); // the page's time element over Atom's published
        Assert.Equal("Euphrates Wire", dam.Source); // the page names no outlet: the feed's title

        var market = Read(first.Items[1].Path!);
        Assert.Equal(new DateTimeOffset(2021, 5, 2, 12, 0, 0, TimeSpan.Zero), market.Published); // from Atom's updated

        Assert.Equal(IngestStatus.Skipped, first.Items[2].Status); // the syndicated copy: same text, other link
        Assert.Contains("same text", first.Items[2].Reason);
        _site.Requests.Clear();

        var second = await IngestAsync("/atom.xml");
        Assert.True(second.NotModified);
        Assert.Equal("\"atom-1\"", Assert.Single(_site.Requests).IfNoneMatch);
    }

    [Fact]
    public async Task AMalformedFeed_IsReported_AndWritesNothing()
    {
        var read = await IngestAsync("/malformed.xml");
        Assert.Contains("not well-formed XML", read.Problem);
        Assert.Empty(read.Items);
        Assert.Empty(Directory.GetFiles(_corpus.Path));
    }

    [Fact]
    public async Task AMissingFeed_IsReported()
    {
        var read = await IngestAsync("/no-such-feed.xml");
        Assert.Equal("HTTP 404 Not Found", read.Problem);
        Assert.True(read.Failed);
    }

    [Fact]
    public async Task APage_WithNoDateAnywhere_IsWrittenWithoutOne()
    {
        var outcome = await _services.Get<PageIngestor>().IngestAsync(_site.Url("/articles/undated.html"), ArticleMetadata.None, null, _corpus.Path, CancellationToken.None);
        Assert.Equal(IngestStatus.Written, outcome.Status);
        var text = await File.ReadAllTextAsync(outcome.Path!);
        Assert.DoesNotContain("date:", text);
        Assert.Null(Read(outcome.Path!).Published);
        Assert.StartsWith("a-market-reopens-in-basra-", Path.GetFileName(outcome.Path));
    }
}
