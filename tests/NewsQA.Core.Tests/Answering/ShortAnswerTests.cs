using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.ShortAnswers;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Answering;

/// <summary>
/// The short answer that leads offline answers over the seed articles, per answer type and for English readers: how it is
/// written. The gate and the answered level are opened (settings), so that what is written, not the calibration, is
/// tested; ConfidenceLevelTests tests the gate's threshold.
/// </summary>
public class ShortAnswerTests : IAsyncLifetime
{
    private AnsweringServices _services = null!;

    public async Task InitializeAsync() => _services = await AnsweringServices.CreateAsync(settings: new() { ["Answering:MinAnswered"] = "0", ["Answering:MinShortAnswerConfidence"] = "0" });

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Theory]
    [InlineData("من هو المتحدث باسم الحشد الشعبي؟", "كريم النوري", SpanKind.Person)]
    [InlineData("كم رفع الناتو عدد جنوده في العراق؟", "4000 فرد", SpanKind.Number)]
    [InlineData("متى احتل تنظيم الدولة ثلث مساحة العراق؟", "عام 2014", SpanKind.Time)]
    public async Task Ask_LeadsWithTheShortAnswer_FromTheCitedSentence(string question, string expected, SpanKind kind)
    {
        var answer = await _services.Answers.AskAsync(_services.Index, question);

        var shortAnswer = Assert.IsType<ShortAnswer>(answer.ShortAnswer);
        Assert.Equal((expected, expected, kind, false), (shortAnswer.Text, shortAnswer.Original, shortAnswer.Kind!.Value, shortAnswer.Transliterated));
        Assert.StartsWith($"**{expected}** [1]\n", answer.Text);
        var cited = answer.Citations[0];
        Assert.Contains(expected, cited.Passage.Text.Substring(cited.Sentence.Start, cited.Sentence.Length));
    }

    [Fact]
    public async Task Ask_InEnglish_WritesTheArabicNameInLatinLetters_MarkedAsATransliteration()
    {
        var answer = await _services.Answers.AskAsync(_services.Index, "Who commands the French forces in the Middle East?");

        var shortAnswer = Assert.IsType<ShortAnswer>(answer.ShortAnswer);
        Assert.True(shortAnswer.Transliterated);
        Assert.Equal("إيمانويل سلارس", shortAnswer.Original);
        Assert.Contains($"**{shortAnswer.Text}** (transliterated from the Arabic «إيمانويل سلارس») [1]", answer.Text);
    }

    [Fact]
    public async Task Ask_InEnglish_WritesTheDateWithAnEnglishMonth()
    {
        var answer = await _services.Answers.AskAsync(_services.Index, "From when did the Kataib Sayyid al-Shuhada call for volunteers to fight American forces?");

        var shortAnswer = Assert.IsType<ShortAnswer>(answer.ShortAnswer);
        Assert.Contains("31 December", shortAnswer.Text);
        Assert.Contains("كانون الأول", shortAnswer.Original);
        Assert.False(shortAnswer.Transliterated);
    }

    [Theory]
    [InlineData("ماذا قرر البرلمان العراقي؟")]
    [InlineData("What did the Iraqi parliament decide?")]
    public async Task Ask_AQuestionOfNoKind_LeadsWithTheCitedSentence_NeverWithASpan(string question)
    {
        var answer = await _services.Answers.AskAsync(_services.Index, question);

        Assert.Null(answer.ShortAnswer);
        Assert.DoesNotContain("**", answer.Text);
    }

    [Fact]
    public async Task Ask_WhyQuestions_AndRefusals_HaveNoShortAnswer()
    {
        Assert.Null((await _services.Answers.AskAsync(_services.Index, "لماذا تأخر تحرير تكريت؟")).ShortAnswer);
        Assert.Null((await _services.Answers.AskAsync(_services.Index, "What is the capital of Japan?")).ShortAnswer);
    }
}
