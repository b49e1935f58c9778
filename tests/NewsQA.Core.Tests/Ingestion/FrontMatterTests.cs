using NewsQA.Core.Configuration;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Ingestion;

public class FrontMatterTests
{
    private const string Article = """
        ---
        title: "Coalition ends combat role"
        date: 2021-12-09T10:00:00+03:00
        source: Al Jazeera
        url: https://example.com/news/coalition?id=7
        language: ar-IQ
        tags: [iraq, coalition]
        ---
        # Coalition ends combat role

        The coalition said on Thursday that its combat role in Iraq had ended after months of talks with Baghdad.
        """;

    [Fact]
    public void Markdown_FrontMatter_GivesTheArticleItsMetadata_AndIsNotText()
    {
        using var temp = new TempFolder();
        temp.Write("coalition.md", Article);
        var warnings = new List<CorpusWarning>();
        var file = CorpusReader.Read(temp.Path, warnings, CorpusOptions.DefaultMaxFileBytes).Single();
        var (article, passages) = ArticleLoader.Load(file, 1200, warnings);

        Assert.Equal("Coalition ends combat role", article.Title);
        Assert.Equal(new DateTimeOffset(2021, 12, 9, 10, 0, 0, TimeSpan.FromHours(3)), article.Published);
        Assert.Equal("Al Jazeera", article.Source);
        Assert.Equal("https://example.com/news/coalition?id=7", article.Url);
        Assert.Equal("ar", article.Language);
        var passage = Assert.Single(passages);
        Assert.StartsWith("The coalition said", passage.Text);
        Assert.Empty(warnings);
    }

    [Fact]
    public void AnUntitledArticle_IsNamedByItsOutletAndDate_WhenKnown_ElseByItsFirstWords()
    {
        const string Body = "The coalition said on Thursday that its combat role in Iraq had ended after months of talks with Baghdad, officials added, in a long first paragraph that goes on well past any headline's length because it was copied without one, as wire copy often is when it arrives.";
        using var temp = new TempFolder();
        temp.Write("dated.md", $"---\ndate: 2021-12-09T10:00:00+03:00\nsource: Tigris Daily\n---\n{Body}");
        temp.Write("plain.txt", Body);
        var articles = CorpusReader.Read(temp.Path, [], CorpusOptions.DefaultMaxFileBytes).ToDictionary(f => f.DocumentId, f => ArticleLoader.Load(f, 1200).Article);

        Assert.Equal("Tigris Daily, 2021-12-09", articles["dated"].Title);
        Assert.Equal("The coalition said on Thursday that its combat…", articles["plain"].Title);
        Assert.StartsWith("The coalition said", articles["dated"].Paragraphs[0].Text); // the first paragraph is still text
    }

    [Fact]
    public void Markdown_WithoutFrontMatter_HasNoDate()
    {
        using var temp = new TempFolder();
        temp.Write("plain.md", "# Title\n\nA body paragraph long enough to be read as the article's first paragraph of text.");
        var (article, _) = ArticleLoader.Load(CorpusReader.Read(temp.Path, [], CorpusOptions.DefaultMaxFileBytes).Single(), 1200);
        Assert.Equal("Title", article.Title);
        Assert.Null(article.Published);
        Assert.Null(article.Url);
    }

    [Fact]
    public void BrokenFrontMatter_IsReported_AndTheArticleIsStillRead()
    {
        using var temp = new TempFolder();
        temp.Write("broken.md", "---\ntitle: \"unterminated\ndate: [\n---\n# Real title\n\nThe body of the article is still read, whatever its front matter said or failed to say.");
        var warnings = new List<CorpusWarning>();
        var (article, passages) = ArticleLoader.Load(CorpusReader.Read(temp.Path, [], CorpusOptions.DefaultMaxFileBytes).Single(), 1200, warnings);
        Assert.Equal("Real title", article.Title);
        Assert.Single(passages);
        var warning = Assert.Single(warnings);
        Assert.EndsWith("broken.md", warning.Path);
        Assert.Contains("front matter is not valid YAML", warning.Reason);
    }

    [Fact]
    public void ADateThatIsNotOne_IsReported_AndLeftOut()
    {
        var (fields, _, _) = FrontMatter.Split("---\ndate: sometime in spring\ntitle: T\n---\nbody");
        var (metadata, problem) = FrontMatter.Metadata(fields);
        Assert.Null(metadata.Published);
        Assert.Equal("T", metadata.Title);
        Assert.Contains("sometime in spring", problem);
    }

    [Fact]
    public void Write_QuotesEveryValue_SoNoTitleCanEndTheBlockOrAddAField()
    {
        var title = "Line one\n---\nurl: https://evil.example/\"quoted\" 🚀 عنوان";
        var block = FrontMatter.Write([new("title", title), new("date", "2024-01-15T09:30:00+03:00"), new("source", null)]);
        var (fields, body, problem) = FrontMatter.Split(block + "body text");
        Assert.Null(problem);
        Assert.Equal(title, fields["title"]);
        Assert.False(fields.ContainsKey("url"));
        Assert.False(fields.ContainsKey("source"));
        Assert.Equal("body text", body);
    }

    [Fact]
    public void Split_LeavesATextThatOnlyOpensWithARule_Alone()
    {
        var text = "---\nno closing rule here, just a document that starts with a horizontal rule";
        var (fields, body, problem) = FrontMatter.Split(text);
        Assert.Empty(fields);
        Assert.Equal(text, body);
        Assert.Null(problem);
    }

    // Issue 25, finding 2: a front matter date out of the calendar's range stopped start-up; nesting overflowed YamlDotNet.
    [Fact]
    public void ADateOutsideTheCalendar_IsNoDate_AndReported()
    {
        var (fields, _, _) = FrontMatter.Split(NewsQA.Testing.HostileInputs.OutOfRangeFrontMatter("T", "Body."));
        var (metadata, problem) = FrontMatter.Metadata(fields);
        Assert.Null(metadata.Published);
        Assert.Equal("T", metadata.Title);
        Assert.Contains(NewsQA.Testing.HostileInputs.ShortOutOfRange, problem);
    }

    [Fact]
    public void FrontMatterNestedTooDeep_IsDropped_AndReported_AndTheArticleIsStillRead()
    {
        using var temp = new TempFolder();
        temp.Write("deep.md", NewsQA.Testing.HostileInputs.DeepFrontMatter(1000));
        var warnings = new List<CorpusWarning>();
        var (article, passages) = ArticleLoader.Load(CorpusReader.Read(temp.Path, [], CorpusOptions.DefaultMaxFileBytes).Single(), 1200, warnings);
        Assert.Equal("Deep front matter", article.Title);
        Assert.Single(passages);
        Assert.Contains("front matter is nested deeper than", Assert.Single(warnings).Reason);
    }

    [Fact]
    public void ANestedListOfTags_IsPassedOver_AndTheOtherFieldsAreRead()
    {
        var (fields, _, problem) = FrontMatter.Split("---\ntitle: T\ntags: [a, [b, c]]\nauthor: {name: X}\nsource: S\n---\nbody");
        Assert.Null(problem);
        Assert.Equal("T", fields["title"]);
        Assert.Equal("S", fields["source"]);
        Assert.False(fields.ContainsKey("tags"));
    }

    [Fact]
    public void TitlesAndSources_AreCut_ToTheirLimits()
    {
        var (fields, _, _) = FrontMatter.Split($"---\ntitle: {NewsQA.Testing.HostileInputs.Repeat("word ", 2000)}\nsource: {NewsQA.Testing.HostileInputs.Repeat("name ", 2000)}\n---\nbody");
        var (metadata, _) = FrontMatter.Metadata(fields);
        Assert.True(metadata.Title!.Length <= MetadataLimits.MaxTitleChars);
        Assert.True(metadata.Source!.Length <= MetadataLimits.MaxSourceChars);
    }
}
