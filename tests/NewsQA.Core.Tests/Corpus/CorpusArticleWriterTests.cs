using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Corpus;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Corpus;

public class CorpusArticleWriterTests
{
    private static NewArticle Article(string url, string body = "The council approved the new budget for the province on Sunday, officials said in Basra.") =>
        NewArticle.FromText(body, new ArticleMetadata("Budget approved", new DateTimeOffset(2024, 1, 15, 9, 30, 0, TimeSpan.FromHours(3)), "Basra Times", url, null));

    [Fact]
    public async Task Write_MakesAMarkdownFileWithFrontMatter_ThatReadsBackAsTheSameArticle()
    {
        using var temp = new TempFolder();
        var write = await new CorpusArticleWriter(Options.Create(new CorpusOptions())).WriteAsync(temp.Path, Article("https://basra.example/budget"), CancellationToken.None);

        Assert.True(write.Written);
        Assert.StartsWith("2024-01-15-budget-approved-", write.DocumentId);
        var text = await File.ReadAllTextAsync(write.Path!);
        Assert.StartsWith("---\ntitle: \"Budget approved\"\ndate: \"2024-01-15T09:30:00+03:00\"\nsource: \"Basra Times\"\nurl: \"https://basra.example/budget\"\nlanguage: \"en\"\n---\n", text);
        var read = ArticleLoader.Parse(CorpusReader.Read(temp.Path, [], CorpusOptions.DefaultMaxFileBytes).Single());
        Assert.Equal("Budget approved", read.Title);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 6, 30, 0, TimeSpan.Zero), read.Published);
        Assert.Equal("https://basra.example/budget", read.Url);
        Assert.Single(read.Paragraphs);
    }

    [Fact]
    public async Task Write_SkipsAnArticleWhoseLinkOrTextTheFolderHolds()
    {
        using var temp = new TempFolder();
        var writer = new CorpusArticleWriter(Options.Create(new CorpusOptions()));
        var first = await writer.WriteAsync(temp.Path, Article("https://basra.example/budget?utm_source=x"), CancellationToken.None);

        var sameLink = await writer.WriteAsync(temp.Path, Article("https://BASRA.example/budget/#top", "Entirely different text about something else that happened elsewhere."), CancellationToken.None);
        var sameText = await writer.WriteAsync(temp.Path, Article("https://mirror.example/copy", "THE COUNCIL approved the new budget  for the province on Sunday — officials said in Basra"), CancellationToken.None);

        Assert.Equal(first.DocumentId, sameLink.DuplicateOf);
        Assert.Contains("same link", sameLink.Reason);
        Assert.Equal(first.DocumentId, sameText.DuplicateOf);
        Assert.Contains("same text", sameText.Reason);
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task Write_SeesFilesOthersAddedToTheFolder()
    {
        using var temp = new TempFolder();
        var writer = new CorpusArticleWriter(Options.Create(new CorpusOptions()));
        await writer.WriteAsync(temp.Path, Article("https://basra.example/other", "An earlier article about another matter entirely, written through the writer."), CancellationToken.None);
        temp.Write("by-hand.md", "---\nurl: https://basra.example/budget\n---\n# By hand\n\nSomeone copied this article into the folder before the feed brought it in.");
        var write = await writer.WriteAsync(temp.Path, Article("https://basra.example/budget"), CancellationToken.None);
        Assert.Equal("by-hand", write.DuplicateOf);
    }

    [Fact]
    public async Task Write_ReadsTheFolderWithinCorpusMaxFileBytes_AsTheIndexerDoes()
    {
        using var temp = new TempFolder();
        // A file past the cap is skipped by the indexer, so it is not in the corpus: its link is free for a new article.
        var padding = string.Join("\n\n", Enumerable.Repeat("A paragraph that pads this file well past the small cap set below.", 100));
        temp.Write("too-large.md", $"---\nurl: https://basra.example/budget\n---\n# Too large\n\n{padding}");
        var uncapped = new CorpusArticleWriter(Options.Create(new CorpusOptions()));
        var capped = new CorpusArticleWriter(Options.Create(new CorpusOptions { MaxFileBytes = 4096 }));

        var underDefault = await uncapped.WriteAsync(temp.Path, Article("https://basra.example/budget"), CancellationToken.None);
        var underCap = await capped.WriteAsync(temp.Path, Article("https://basra.example/budget"), CancellationToken.None);

        Assert.Equal("too-large", underDefault.DuplicateOf);
        Assert.True(underCap.Written);
    }

    [Fact]
    public async Task AHalfWrittenTemporaryFile_IsNeverReadAsAnArticle()
    {
        using var temp = new TempFolder();
        var writer = new CorpusArticleWriter(Options.Create(new CorpusOptions()));
        var written = await writer.WriteAsync(temp.Path, Article("https://basra.example/budget"), CancellationToken.None);
        // What a crash in the middle of a write leaves: the temporary file, cut off inside its front matter.
        var half = ArticleFile.TemporaryPathFor(Path.Combine(temp.Path, "2024-01-16-half-0000.md"));
        await File.WriteAllTextAsync(half, "---\ntitle: \"Half an art");

        var warnings = new List<CorpusWarning>();
        var files = CorpusReader.Read(temp.Path, warnings, CorpusOptions.DefaultMaxFileBytes).ToList();
        Assert.Equal([written.DocumentId], files.Select(f => f.DocumentId));
        Assert.Empty(warnings);
        Assert.True(ArticleFile.IsTemporary(half));

        var indexed = await new TestIndexer().Indexer.UpdateAsync(temp.Path, temp.File("index"));
        Assert.Equal(1, indexed.Added);
    }

    [Fact]
    public async Task Delete_RemovesTheArticlesFile_AndNothingOutsideTheFolder()
    {
        using var temp = new TempFolder();
        var writer = new CorpusArticleWriter(Options.Create(new CorpusOptions()));
        var written = await writer.WriteAsync(temp.Path, Article("https://basra.example/budget"), CancellationToken.None);
        var outside = temp.Write("outside.txt", "not in the corpus folder");
        var corpus = Path.Combine(temp.Path, "corpus");
        Directory.CreateDirectory(corpus);
        File.Move(written.Path!, Path.Combine(corpus, Path.GetFileName(written.Path!)));

        Assert.Empty(await writer.DeleteAsync(corpus, "../outside", CancellationToken.None));
        Assert.True(File.Exists(outside));
        Assert.Single(await writer.DeleteAsync(corpus, written.DocumentId, CancellationToken.None));
        Assert.Empty(Directory.GetFiles(corpus));
    }

    [Theory]
    [InlineData("مقال عن العراق", "https://www.aljazeera.net/news/1", "aljazeera-net-")]
    [InlineData("../../etc/passwd", null, "etc-passwd-")]
    [InlineData("Café in Mosul: a report", null, "cafe-in-mosul-a-report-")]
    public void DocumentIds_AreLatinWordsAndAHash_SafeOnAnyFileSystem(string title, string? url, string prefix)
    {
        var id = ArticleFile.DocumentIdFor(new ArticleMetadata(title, null, null, url, null), "fingerprint");
        Assert.StartsWith(prefix, id);
        Assert.Matches("^[a-z0-9-]+$", id);
    }
}
