using NewsQA.Core.Fetching;
using NewsQA.Core.Tests.Support;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Fetching;

public sealed class WebFetcherTests : IAsyncLifetime
{
    private NewsSite _site = null!;
    private readonly LiveNewsServices _services = new(new(NewsSite.AllowSettings()) { ["Ingestion:MaxDownloadBytes"] = "65536" });

    public async Task InitializeAsync() => _site = await NewsSite.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _services.Dispose();
    }

    private Task<FetchedResource> GetAsync(string path, FetchValidators? validators = null) =>
        _services.Get<WebFetcher>().GetAsync(_site.Url(path), validators, "*/*", CancellationToken.None);

    [Fact]
    public async Task Get_SendsAUserAgentNamingNewsQA_AndReturnsTheBody()
    {
        var page = await GetAsync("/articles/dam.html");
        Assert.Contains("Haditha", System.Text.Encoding.UTF8.GetString(page.Body!));
        Assert.Equal("text/html", page.ContentType);
        Assert.StartsWith("NewsQA/", _site.Requests.Single().UserAgent);
    }

    [Fact]
    public async Task A404_IsAFetchException_WithTheStatus()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => GetAsync("/articles/missing.html"));
        Assert.Equal("HTTP 404 Not Found", error.Reason);
        Assert.EndsWith("/articles/missing.html", error.Url.AbsoluteUri);
    }

    [Fact]
    public async Task APageOverTheSizeCap_SentWithoutContentLength_IsCutOff()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => GetAsync("/articles/huge.html"));
        Assert.Contains("larger than 65,536 bytes", error.Reason);
    }

    [Fact]
    public async Task ASlowPage_IsAbandonedWhenTheTimeoutPasses()
    {
        var fetch = GetAsync("/articles/slow.html");
        await _site.SlowRequestArrived.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.False(fetch.IsCompleted);
        _services.Clock.Advance(TimeSpan.FromSeconds(30)); // Ingestion:FetchTimeout's default
        var error = await Assert.ThrowsAsync<FetchException>(() => fetch);
        Assert.Equal("timed out after 30 s", error.Reason);
    }

    [Fact]
    public async Task ConditionalRequest_GetsNotModified()
    {
        var first = await GetAsync("/atom.xml");
        Assert.Equal("\"atom-1\"", first.Validators.ETag);
        var second = await GetAsync("/atom.xml", first.Validators);
        Assert.True(second.NotModified);
        Assert.Equal("\"atom-1\"", _site.Requests.Last().IfNoneMatch);
    }

    [Fact]
    public async Task Redirects_AreFollowed_ButNeverToAnotherScheme()
    {
        var moved = await GetAsync("/moved");
        Assert.EndsWith("/articles/dam.html", moved.Url.AbsoluteUri);
        var error = await Assert.ThrowsAsync<FetchException>(() => GetAsync("/redirect-to-ftp"));
        Assert.Contains("ftp", error.Reason);
    }
}
