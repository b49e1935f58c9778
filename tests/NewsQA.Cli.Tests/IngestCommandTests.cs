using NewsQA.Testing;

namespace NewsQA.Cli.Tests;

public sealed class IngestCommandTests : IAsyncLifetime
{
    private NewsSite _site = null!;
    private readonly TempFolder _corpus = new();

    public async Task InitializeAsync() => _site = await NewsSite.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _corpus.Dispose();
    }

    [Fact]
    public async Task IngestFeed_WritesEachNewItem_AndASecondRunSkipsThem()
    {
        var first = await NewsQACli.RunWithEnvironmentAsync(NewsSite.AllowEnvironment(), "ingest", "--feed", _site.Url("/atom.xml").AbsoluteUri, "--corpus", _corpus.Path);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("written: 2022-08-14-haditha-dam-repaired-", first.Output);
        Assert.Contains("Haditha dam repaired (2022-08-14)", first.Output);
        Assert.Contains("written: 2021-05-02-a-market-reopens-in-basra-", first.Output);
        Assert.Contains("/articles/dam-copy.html: already in the corpus as 2022-08-14-haditha-dam-repaired-", first.Output);
        Assert.Contains("articles: 2 written, 1 skipped, 0 failed", first.Output);
        var files = Directory.GetFiles(_corpus.Path);
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.StartsWith("---\ntitle: ", File.ReadAllText(f)));

        var second = await NewsQACli.RunWithEnvironmentAsync(NewsSite.AllowEnvironment(), "ingest", "--feed", _site.Url("/atom.xml").AbsoluteUri, "--corpus", _corpus.Path);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("articles: 0 written, 3 skipped, 0 failed", second.Output);

        var ask = await NewsQACli.RunAsync("ask", "What did engineers repair at the Haditha dam?", "--corpus", _corpus.Path, "--json");
        Assert.Contains("2022-08-14-haditha-dam-repaired-", ask.Output);
    }

    [Fact]
    public async Task IngestFeed_WithFailingPages_NamesThem_AndExitsWith1()
    {
        var result = await NewsQACli.RunWithEnvironmentAsync(NewsSite.AllowEnvironment(), "ingest", "--feed", _site.Url("/rss.xml").AbsoluteUri, "--corpus", _corpus.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("articles: 2 written, 0 skipped, 2 failed", result.Output);
        Assert.Contains("/articles/missing.html: HTTP 404 Not Found", result.Error);
        Assert.Contains("/articles/huge.html: larger than 4,194,304 bytes", result.Error);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public async Task IngestUrl_WritesThePage()
    {
        var result = await NewsQACli.RunWithEnvironmentAsync(NewsSite.AllowEnvironment(), "ingest", "--url", _site.Url("/articles/nato-ar.html").AbsoluteUri, "--corpus", _corpus.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("articles: 1 written", result.Output);
        var text = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(_corpus.Path)));
        Assert.Contains("date: \"2023-11-20T10:15:00+03:00\"", text);
        Assert.Contains("source: \"وكالة الأنباء العراقية\"", text);
        Assert.Contains(NewsPages.NatoFact, text);
    }

    [Theory]
    [InlineData("/articles/missing.html", "HTTP 404 Not Found")]
    [InlineData("/redirect-to-ftp", "ftp")]
    public async Task IngestUrl_OfAPageThatFails_ExitsWith1_NamingIt(string path, string reason)
    {
        var result = await NewsQACli.RunWithEnvironmentAsync(NewsSite.AllowEnvironment(), "ingest", "--url", _site.Url(path).AbsoluteUri, "--corpus", _corpus.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(reason, result.Error);
        Assert.Empty(Directory.GetFiles(_corpus.Path));
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public async Task IngestFeed_OfAMalformedFeed_ExitsWith1()
    {
        var result = await NewsQACli.RunWithEnvironmentAsync(NewsSite.AllowEnvironment(), "ingest", "--feed", _site.Url("/malformed.xml").AbsoluteUri, "--corpus", _corpus.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not well-formed XML", result.Error);
        Assert.False(result.HasStackTrace);
    }

    [Theory]
    [InlineData("give --feed URL or --url URL")]
    [InlineData("give --feed URL or --url URL", "--feed", "http://127.0.0.1/a", "--url", "http://127.0.0.1/b")]
    [InlineData("not an absolute http(s) URL", "--url", "file:///etc/passwd")]
    [InlineData("Corpus folder not found", "--url", "http://127.0.0.1/a", "--corpus", "/no/such/corpus")]
    public async Task BadUsage_ExitsWith2(string message, params string[] args)
    {
        var result = await NewsQACli.RunAsync(["ingest", .. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }
}
