using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.ShortAnswers;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Answering;

/// <summary>
/// Every answer carries one of three levels, in both languages: answered (the short answer may lead), closest (the
/// closest passage quoted as such, nothing in bold), none (the refusal). The level between answered and closest is set
/// by Answering:MinAnswered here, so the tests hold whatever the fitted thresholds are.
/// </summary>
public class ConfidenceLevelTests
{
    [Theory]
    [InlineData("كم رفع الناتو عدد جنوده في العراق؟")]
    [InlineData("How many soldiers did NATO's mission in Iraq grow to under Jens Stoltenberg?")]
    public async Task BelowTheAnsweredLevel_TheClosestPassageIsQuoted_WithNoShortAnswer(string question)
    {
        await using var closest = await AnsweringServices.CreateAsync(settings: new() { ["Answering:MinAnswered"] = "1", ["Answering:MinShortAnswerConfidence"] = "0" });
        var answer = await closest.Answers.AskAsync(closest.Index, question);

        Assert.Equal(AnswerConfidence.Closest, answer.Confidence);
        Assert.True(answer.Grounded);
        Assert.Null(answer.ShortAnswer);
        Assert.StartsWith(AnswerTexts.Closest(answer.Language), answer.Text);
        Assert.DoesNotContain("**", answer.Text);
        Assert.Single(answer.Citations);
        Assert.Contains("4000", answer.Citations[0].Passage.Text.Substring(answer.Citations[0].Sentence.Start, answer.Citations[0].Sentence.Length));

        await using var answered = await AnsweringServices.CreateAsync(settings: new() { ["Answering:MinAnswered"] = "0", ["Answering:MinShortAnswerConfidence"] = "0" });
        var sure = await answered.Answers.AskAsync(answered.Index, question);
        Assert.Equal(AnswerConfidence.Answered, sure.Confidence);
        Assert.DoesNotContain(AnswerTexts.Closest(sure.Language), sure.Text);
        var shortAnswer = Assert.IsType<ShortAnswer>(sure.ShortAnswer);
        Assert.Equal(SpanKind.Number, shortAnswer.Kind);
        Assert.Contains("4000", shortAnswer.Original);
        Assert.InRange(shortAnswer.Confidence, 0, 1);
    }

    [Theory]
    [InlineData("ما هي عاصمة اليابان؟")]
    [InlineData("What is the capital of Japan?")]
    public async Task AQuestionTheArticlesDoNotTouch_IsNone(string question)
    {
        await using var services = await AnsweringServices.CreateAsync();
        var answer = await services.Answers.AskAsync(services.Index, question);

        Assert.Equal(AnswerConfidence.None, answer.Confidence);
        Assert.Equal(AnswerTexts.Refusal(answer.Language), answer.Text);
        Assert.Null(answer.ShortAnswer);
    }

    [Theory]
    [InlineData("من هو المتحدث باسم الحشد الشعبي؟")]
    [InlineData("ماذا قال المتحدث باسم الحشد الشعبي عن التحالف؟")]
    public async Task AShortAnswer_IsShownOnlyAtOrAboveTheGatesThreshold(string question)
    {
        await using var never = await AnsweringServices.CreateAsync(settings: new() { ["Answering:MinAnswered"] = "0", ["Answering:MinShortAnswerConfidence"] = "1" });
        var answer = await never.Answers.AskAsync(never.Index, question);

        Assert.Equal(AnswerConfidence.Answered, answer.Confidence);
        Assert.Null(answer.ShortAnswer);
        // Without a short answer the cited sentence leads, as the article writes it.
        var cited = answer.Citations[0];
        Assert.StartsWith(cited.Passage.Text.Substring(cited.Sentence.Start, cited.Sentence.Length), answer.Text);
    }
}
