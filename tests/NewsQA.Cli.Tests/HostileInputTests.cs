using NewsQA.Testing;

namespace NewsQA.Cli.Tests;

/// <summary>
/// Issue 25, findings 1 and 2 through `newsqa`, run as its own process, so that input deep enough to overflow the
/// stack (which ended the process with exit code 134 before) fails a test instead of the test run.
/// </summary>
public sealed class HostileInputTests
{
    [Fact]
    public async Task Index_OverAFolderWithPoisonedFiles_Succeeds_NamingEach_AndIndexesTheRest()
    {
        using var temp = new TempFolder();
        var corpus = temp.File("corpus");
        Directory.CreateDirectory(corpus);
        foreach (var seed in Directory.EnumerateFiles(NewsQACli.Seeds)) File.Copy(seed, Path.Combine(corpus, Path.GetFileName(seed)));
        File.WriteAllText(Path.Combine(corpus, "poison-yaml.md"), HostileInputs.DeepFrontMatter(HostileInputs.StackBreakingYamlDepth));
        File.WriteAllText(Path.Combine(corpus, "poison-date.md"), HostileInputs.OutOfRangeFrontMatter("Ferry resumes", "A ferry resumed service across the Shatt al-Arab on Sunday after a month of repairs, the port said."));
        File.WriteAllText(Path.Combine(corpus, "poison-deep.html"), HostileInputs.DeepPage(200_000));
        File.WriteAllText(Path.Combine(corpus, "poison-scripts.html"), HostileInputs.UnclosedScripts(40_000));

        var result = await NewsQACli.RunAsync("index", "--corpus", corpus, "--index", temp.File("index"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("documents: 8 added", result.Output); // five seeds, and three poisons read without what poisoned them
        Assert.Contains("poison-yaml.md: front matter is longer than 64 KB; read without it", result.Error); // 100 KB of brackets
        Assert.Contains($"poison-date.md: front matter date '{HostileInputs.ShortOutOfRange}' is not a date", result.Error);
        Assert.Contains("poison-deep.html: skipped: its elements are nested more than 256 deep", result.Error);
        Assert.False(result.HasStackTrace);

        var ask = await NewsQACli.RunAsync("ask", "When did the ferry across the Shatt al-Arab resume service?", "--corpus", corpus, "--index", temp.File("index"), "--json");
        Assert.Contains("poison-date", ask.Output);
    }

    [Fact]
    public async Task IngestFeed_OfAFeedNestedPastTheStack_ExitsWith1_SayingWhy()
    {
        await using var site = await NewsSite.StartAsync();
        site.Serve("/deep.xml", "application/rss+xml", HostileInputs.DeepFeed(HostileInputs.StackBreakingXmlDepth));
        using var corpus = new TempFolder();

        var result = await NewsQACli.RunWithEnvironmentAsync(NewsSite.AllowEnvironment(), "ingest", "--feed", site.Url("/deep.xml").AbsoluteUri, "--corpus", corpus.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("elements nested more than 64 deep", result.Error);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public async Task IngestUrl_OfAPageAtALoopbackAddress_IsRefused_UnlessItsHostIsNamed()
    {
        await using var site = await NewsSite.StartAsync();
        using var corpus = new TempFolder();

        var refused = await NewsQACli.RunAsync("ingest", "--url", site.Url("/articles/dam.html").AbsoluteUri, "--corpus", corpus.Path);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("not fetched: 127.0.0.1 is a loopback", refused.Error);
        Assert.Empty(site.Requests);

        var allowed = await NewsQACli.RunWithEnvironmentAsync(NewsSite.AllowEnvironment(), "ingest", "--url", site.Url("/articles/dam.html").AbsoluteUri, "--corpus", corpus.Path);
        Assert.Equal(0, allowed.ExitCode);
    }
}
