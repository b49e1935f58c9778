using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Tests.Ingestion;

public class ArticleParserTests
{
    [Fact]
    public void Parse_JoinsHardWrappedLines_AndSplitsAtSentenceEnds()
    {
        var article = ArticleParser.Parse("Coalition ends combat role\n\nThe coalition said on Thursday that its combat\nrole in Iraq had ended after talks in Baghdad\nwith the government.\n\nA second paragraph starts here and it is long enough to be prose.\nA third one follows on its own line, as many copied articles have it.");
        Assert.Equal("Coalition ends combat role", article.Title);
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.Equal("The coalition said on Thursday that its combat role in Iraq had ended after talks in Baghdad with the government.", article.Paragraphs[0].Text);
    }

    [Fact]
    public void Parse_TreatsMarkdownHeadingsAsTitleAndSections()
    {
        var article = ArticleParser.Parse("# Withdrawal talks\n\nIntro paragraph that is long enough to count as body text of the article.\n\n## Reactions\n\nFactions welcomed the decision, officials said in Baghdad on Sunday.", markdown: true);
        Assert.Equal("Withdrawal talks", article.Title);
        Assert.Equal("Reactions", article.Paragraphs[1].Heading);
    }

    [Fact]
    public void Parse_UsesHtmlTitle_AndDropsItsRepeat()
    {
        var (title, text) = HtmlTextExtractor.Extract("""
            <html><head><title>Site | Story</title><script>var x = "<p>not text</p>";</script></head>
            <body><nav><a href="/">Home</a> News</nav>
            <article><h1>Coalition &amp; Iraq</h1><p>The coalition ended its combat mission, officials said on Thursday in Baghdad.</p>
            <p>Advisers will stay to train Iraqi forces, according to the joint operations command.</p></article>
            <form><textarea>Leave a comment</textarea></form><footer>© Site</footer></body></html>
            """);
        var article = ArticleParser.Parse(text, title);
        Assert.Equal("Coalition & Iraq", article.Title);
        Assert.Equal(2, article.Paragraphs.Count);
        var all = string.Join(" ", article.Paragraphs.Select(p => p.Text));
        Assert.DoesNotContain("not text", all);
        Assert.DoesNotContain("Home", all);
        Assert.DoesNotContain("comment", all);
        Assert.DoesNotContain("©", all);
    }
}
