using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Answering.Payloads;
using NewsQA.Core.Answering.Summaries;
using NewsQA.Core.Tests.Support;
using NewsQA.Core.Text;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Answering;

/// <summary>Time-aware questions over a small dated corpus: an older and a newer article on the same figure, in both languages.</summary>
public sealed class TimeAwareAnswerTests(DatedCorpusServices dated) : IClassFixture<DatedCorpusServices>
{
    private readonly AnsweringServices _services = dated.Services;

    private Task<Answer> AskAsync(string question) => _services.Answers.AskAsync(_services.Index, question);

    private static int YearOf(Citation citation) => citation.Article!.Published!.Value.Year;

    [Theory]
    [InlineData("What is the latest number of NATO advisers in Iraq?")]
    [InlineData("How many advisers does the NATO mission in Iraq have most recently?")]
    [InlineData("ما آخر عدد لمستشاري حلف شمال الأطلسي في العراق؟")]
    [InlineData("كم عدد مستشاري بعثة حلف شمال الأطلسي في العراق مؤخرا؟")]
    public async Task Latest_CitesTheNewerArticle_AndSaysItsDate(string question)
    {
        var answer = await AskAsync(question);

        Assert.True(answer.Grounded, answer.Text);
        var first = answer.Citations[0];
        Assert.Equal(2023, YearOf(first));
        Assert.Matches("4,?000", first.Passage.Text.Substring(first.Sentence.Start, first.Sentence.Length)); // the newer figure
        Assert.Contains(AnswerDates.Format(first.Article!.Published!.Value, answer.Language), answer.Text);
    }

    [Theory]
    [InlineData("How many NATO advisers were in Iraq in 2021?")]
    [InlineData("كم كان عدد مستشاري حلف شمال الأطلسي في العراق عام 2021؟")]
    public async Task AQuestionNamingTheOlderYear_CitesOnlyTheOlderArticles(string question)
    {
        var answer = await AskAsync(question);

        Assert.True(answer.Grounded, answer.Text);
        Assert.All(answer.Citations, c => Assert.Equal(2021, YearOf(c)));
        Assert.Contains("500", answer.Text);
        Assert.Contains(AnswerDates.Format(answer.Citations[0].Article!.Published!.Value, answer.Language), answer.Text);
    }

    [Fact]
    public async Task LastWeek_CountsFromToday_AndFiltersByPublicationDate()
    {
        var answer = await AskAsync("What did the NATO spokesman say last week about the advisers?");

        Assert.True(answer.Grounded, answer.Text);
        Assert.All(answer.Citations, c => Assert.Equal(DatedArticles.EnglishNewerId, c.Passage.DocumentId));
    }

    [Fact]
    public async Task WithoutATimeCue_BothArticlesCompete_AndNoDateIsAdded()
    {
        var answer = await AskAsync("How many military advisers does the NATO mission in Iraq have?");

        Assert.True(answer.Grounded, answer.Text);
        Assert.DoesNotContain("2021", answer.Text);
        Assert.DoesNotContain("2023", answer.Text);
    }

    [Theory]
    [InlineData("What's new about the NATO mission in Iraq?", TextLanguage.English)]
    [InlineData("ما الجديد عن بعثة حلف شمال الأطلسي في العراق؟", TextLanguage.Arabic)]
    public async Task WhatsNew_IsATimeline_OfDatedCitedPoints_OldestFirst(string question, TextLanguage language)
    {
        var answer = await AskAsync(question);

        Assert.Equal(AnswerKind.Timeline, answer.Kind);
        Assert.True(answer.Citations.Count >= 2, answer.Text);
        var dates = answer.Citations.Select(c => c.Article!.Published!.Value).ToList();
        Assert.Equal(dates.OrderBy(d => d), dates);
        Assert.Equal(answer.Citations.Count, answer.Citations.Select(c => c.Passage.DocumentId).Distinct().Count());
        var bullets = answer.Text.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(answer.Citations.Count, bullets.Count);
        for (var i = 0; i < bullets.Count; i++) Assert.StartsWith($"- {AnswerDates.Format(dates[i], language)}: ", bullets[i]);
        Assert.DoesNotContain(answer.Citations, c => c.Passage.DocumentId == DatedArticles.UndatedId);
    }

    [Fact]
    public async Task ASummaryAcrossArticles_ListsItsPointsInDateOrder_WithTheirDates()
    {
        var answer = await AskAsync("Summarize the articles about the NATO mission in Iraq");

        Assert.Equal(AnswerKind.Summary, answer.Kind);
        var dated = answer.Citations.Where(c => c.Article?.Published is not null).ToList();
        Assert.True(dated.Select(c => c.Passage.DocumentId).Distinct().Count() >= 2, answer.Text);
        var dates = dated.Select(c => c.Article!.Published!.Value.UtcTicks).ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.All(dated, c => Assert.Contains($"{AnswerDates.Format(c.Article!.Published!.Value, answer.Language)}: ", answer.Text));
    }

    [Fact]
    public async Task Citations_CarryTheArticlesDateAndLink_AndNoneIsInventedForAnUndatedOne()
    {
        var dated = await AskAsync("How many military advisers does the NATO mission in Iraq now have?");
        var undated = await AskAsync("What did engineers repair at the Haditha dam?");

        var payload = AnswerPayload.From(dated).Citations.First(c => c.DocumentId == DatedArticles.EnglishNewerId);
        Assert.Equal("2023-02-14T10:30:00+03:00", payload.Published);
        Assert.Equal(DatedArticles.EnglishNewerUrl, payload.Url);
        Assert.Equal("Tigris Daily", payload.Source);
        var plain = AnswerPayload.From(undated).Citations.Single();
        Assert.Equal(DatedArticles.UndatedId, plain.DocumentId);
        Assert.Null(plain.Published);
        Assert.Null(plain.Url);
    }
}
