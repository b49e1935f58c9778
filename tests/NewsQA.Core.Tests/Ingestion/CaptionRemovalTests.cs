using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Tests.Ingestion;

/// <summary>Photo captions, alt text and image lines are not article paragraphs, in any language and any format.</summary>
public class CaptionRemovalTests
{
    private const string Body1 = "The coalition ended its combat mission in Iraq, officials said on Thursday in Baghdad.";
    private const string Body2 = "Advisers will stay to train Iraqi forces, according to the joint operations command.";

    private static string AllText(ParsedArticle article) => string.Join("\n", article.Paragraphs.Select(p => p.Text));

    [Fact]
    public void PlainText_DropsTheForeignCaptionAboveACreditedCaption()
    {
        var article = ArticleParser.Parse(
            $"Combat role ends\n\nLieutenant-General Abdul Amir al-Shammari speaks during a meeting with commanders in Baghdad\n" +
            $"اجتماع بين قادة أمنيين عراقيين ونظرائهم من قادة التحالف في بغداد (رويترز)\n\n{Body1}\n\n{Body2}");

        Assert.Equal([Body1, Body2], article.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void PlainText_KeepsAParagraphAboveACaption_WhenItEndsItsSentence()
    {
        var article = ArticleParser.Parse($"Combat role ends\n\n{Body1}\nقادة التحالف في بغداد (رويترز)\n\n{Body2}");

        Assert.Equal([Body1, Body2], article.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void PlainText_KeepsUnpunctuatedLinesThatTouchNoCaption()
    {
        // A heading is short and unpunctuated too; without a caption or image beside it, it stays a heading.
        var article = ArticleParser.Parse($"Combat role ends\n\n{Body1}\n\nReactions in Baghdad\n\n{Body2}");

        Assert.Equal("Reactions in Baghdad", article.Paragraphs[1].Heading);
    }

    [Fact]
    public void Markdown_DropsTheImage_AndTheCaptionPrintedUnderIt()
    {
        var article = ArticleParser.Parse(
            $"# Combat role ends\n\n{Body1}\n\n![Iraqi and coalition commanders at a meeting](meeting.jpg)\n*Commanders meet in Baghdad on Thursday*\n\n{Body2}",
            markdown: true);

        Assert.Equal([Body1, Body2], article.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Html_DropsFigureCaptionAltTextAndMarkedCaptions()
    {
        var (title, text) = HtmlTextExtractor.Extract($"""
            <html><body><article><h1>Combat role ends</h1>
            <figure><img src="a.jpg" alt="Lieutenant-General speaks at a meeting"><figcaption>Commanders meet in Baghdad (Reuters)</figcaption></figure>
            <p>{Body1}</p>
            <div class="wp-caption"><img src="b.jpg" alt="Soldiers at a base"><p class="wp-caption-text">Soldiers at Ain al-Asad base</p></div>
            <p>{Body2}</p>
            <span class="photo-credit">AFP</span>
            </article></body></html>
            """);
        var article = ArticleParser.Parse(text, title);

        Assert.Equal([Body1, Body2], article.Paragraphs.Select(p => p.Text));
        Assert.DoesNotContain("Lieutenant-General", AllText(article));
        Assert.DoesNotContain("Soldiers at", AllText(article));
    }

    [Fact]
    public void FetchedPage_DropsFigureCaptionsAndMarkedCaptions_Too()
    {
        var (_, text) = HtmlArticleExtractor.Extract($"""
            <html><body><article>
            <figure><img src="a.jpg" alt="Lieutenant-General speaks at a meeting"><figcaption>Commanders meet in Baghdad (Reuters)</figcaption></figure>
            <p>{Body1}</p>
            <div class="wp-caption"><p class="wp-caption-text">Soldiers at Ain al-Asad base</p></div>
            <p>{Body2}</p>
            </article></body></html>
            """, null);

        Assert.Equal([Body1, Body2], ArticleParser.Parse("Title\n\n" + text).Paragraphs.Select(p => p.Text));
    }
}
