using NewsQA.Core.Answering;
using NewsQA.Core.Tests.Support;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Answering;

/// <summary>
/// When articles give different answers of the asked kind to the same question, each is listed with its outlet and
/// date, newest first, rather than one picked silently; articles that agree give one answer. Articles written for this
/// test; the gate and the answered level are opened (settings) so that the listing, not the calibration, is tested.
/// </summary>
public class DifferingSourcesTests
{
    private static readonly Dictionary<string, string?> Open = new() { ["Answering:MinAnswered"] = "0", ["Answering:MinShortAnswerConfidence"] = "0" };

    [Theory]
    [InlineData("كم عدد القوات الأمريكية في العراق؟", "تختلف المصادر", "(صحيفة الفرات، مارس 2024) [1]", "(صحيفة دجلة، يناير 2024) [2]")]
    [InlineData("How many American troops are in Iraq?", "The sources differ", "(Furat Post, March 2024) [1]", "(Dijla Times, January 2024) [2]")]
    public async Task DifferentNumbers_AreListedNewestFirst_WithOutletAndDate(string question, string lead, string newer, string older)
    {
        using var temp = new TempFolder();
        var corpus = temp.File("corpus");
        Directory.CreateDirectory(corpus);
        var arabic = question.Any(c => c is >= '\u0600' and <= '\u06FF');
        File.WriteAllText(Path.Combine(corpus, "older.md"), arabic
            ? DatedArticles.Article("القوات الأمريكية في العراق", "2024-01-10T10:00:00+03:00", "صحيفة دجلة", "https://dijla.example/1", "ar", "وقال المتحدث باسم الوزارة إن عدد القوات الأمريكية في العراق يبلغ 2500 جندي.")
            : DatedArticles.Article("American troops in Iraq", "2024-01-10T10:00:00+03:00", "Dijla Times", "https://dijla.example/1", "en", "The number of American troops in Iraq is 2,500 soldiers, the ministry spokesman said."));
        File.WriteAllText(Path.Combine(corpus, "newer.md"), arabic
            ? DatedArticles.Article("خفض القوات الأمريكية", "2024-03-05T10:00:00+03:00", "صحيفة الفرات", "https://furat.example/1", "ar", "وقال مسؤول عسكري إن عدد القوات الأمريكية في العراق بات 2000 جندي.")
            : DatedArticles.Article("US troops cut", "2024-03-05T10:00:00+03:00", "Furat Post", "https://furat.example/1", "en", "The number of American troops in Iraq is now 2,000 soldiers, a military official said."));
        await using var services = await AnsweringServices.CreateAsync(settings: Open, corpus: corpus);

        var answer = await services.Answers.AskAsync(services.Index, question);

        var first = answer.Text.Split('\n')[0];
        Assert.StartsWith(lead, first);
        var (newest, oldest) = (first.IndexOf(newer, StringComparison.Ordinal), first.IndexOf(older, StringComparison.Ordinal));
        Assert.True(newest > 0 && oldest > newest, answer.Text);
        Assert.Equal(["newer", "older"], answer.Citations.Select(c => c.Passage.DocumentId));
        Assert.Contains("2000", answer.ShortAnswer!.Original.Replace(",", string.Empty, StringComparison.Ordinal)); // the newest leads
    }

    [Fact]
    public async Task ArticlesThatAgree_GiveOneAnswer()
    {
        using var temp = new TempFolder();
        var corpus = temp.File("corpus");
        Directory.CreateDirectory(corpus);
        File.WriteAllText(Path.Combine(corpus, "one.md"), DatedArticles.Article("القوات", "2024-01-10T10:00:00+03:00", "صحيفة دجلة", "https://dijla.example/1", "ar", "وقال المتحدث باسم الوزارة إن عدد القوات الأمريكية في العراق يبلغ 2500 جندي."));
        File.WriteAllText(Path.Combine(corpus, "two.md"), DatedArticles.Article("القوات", "2024-03-05T10:00:00+03:00", "صحيفة الفرات", "https://furat.example/1", "ar", "وقال مسؤول عسكري إن عدد القوات الأمريكية في العراق يبلغ نحو 2500 جندي."));
        await using var services = await AnsweringServices.CreateAsync(settings: Open, corpus: corpus);

        var answer = await services.Answers.AskAsync(services.Index, "كم عدد القوات الأمريكية في العراق؟");

        Assert.DoesNotContain(AnswerTexts.SourcesDiffer(answer.Language), answer.Text);
        Assert.Contains("2500", answer.ShortAnswer!.Original);
    }
}
