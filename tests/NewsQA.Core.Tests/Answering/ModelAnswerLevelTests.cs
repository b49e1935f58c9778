using Microsoft.Extensions.AI;
using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Generators;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Answering;

/// <summary>
/// With a language model configured, its answers are held to the offline rules (issue 20): the same three levels, and a
/// span it leads with in bold only when it is of the kind asked.
/// </summary>
public class ModelAnswerLevelTests
{
    private const string Spokesman = "وقال المتحدث باسم الحشد الشعبي كريم النوري، للجزيرة نت";

    // The number the prompt gave the passage holding a phrase.
    private static int MarkerOf(IReadOnlyList<ChatMessage> messages, string phrase) =>
        messages.Last(m => m.Role == ChatRole.User).Text.Split("\n[").Select((block, i) => (block, i)).First(x => x.block.Contains(phrase, StringComparison.Ordinal)).i;

    private static FakeChatClient Replying(string phrase, Func<int, string> reply) =>
        new() { Respond = (messages, _) => reply(MarkerOf(messages, phrase)) };

    [Fact]
    public async Task AModelAnswerTheArticlesAnswer_IsAnswered_AndKeepsABoldNameForAWhoQuestion()
    {
        await using var services = await AnsweringServices.CreateAsync(Replying(Spokesman, n => $"**كريم النوري** هو المتحدث باسم الحشد الشعبي [{n}]."), settings: new() { ["Answering:MinAnswered"] = "0" });

        var answer = await services.Answers.AskAsync(services.Index, "من هو المتحدث باسم الحشد الشعبي؟");

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Equal(AnswerConfidence.Answered, answer.Confidence);
        Assert.StartsWith("**كريم النوري**", answer.Text);
    }

    [Fact]
    public async Task ABoldSpanOfAnotherKind_IsNotShownInBold()
    {
        // "How many" asked, a name led in bold: the name stays, the bold goes.
        await using var services = await AnsweringServices.CreateAsync(Replying(Spokesman, n => $"**كريم النوري** هو المتحدث باسم الحشد الشعبي [{n}]."), settings: new() { ["Answering:MinAnswered"] = "0" });

        var answer = await services.Answers.AskAsync(services.Index, "كم عدد المتحدثين باسم الحشد الشعبي؟");

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.DoesNotContain("**", answer.Text);
        Assert.StartsWith("كريم النوري هو المتحدث", answer.Text);
    }

    [Fact]
    public async Task BelowTheAnsweredLevel_TheModelsAnswerIsTheClosest_SaidSo_WithNoBold()
    {
        await using var services = await AnsweringServices.CreateAsync(Replying(Spokesman, n => $"**كريم النوري** هو المتحدث باسم الحشد الشعبي [{n}]."), settings: new() { ["Answering:MinAnswered"] = "1" });

        var answer = await services.Answers.AskAsync(services.Index, "من هو المتحدث باسم الحشد الشعبي؟");

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Equal(AnswerConfidence.Closest, answer.Confidence);
        Assert.StartsWith(AnswerTexts.Closest(answer.Language), answer.Text);
        Assert.DoesNotContain("**", answer.Text);
        Assert.Contains("كريم النوري هو المتحدث", answer.Text);
    }

    [Fact]
    public async Task TheModelsNotFound_IsNone()
    {
        await using var services = await AnsweringServices.CreateAsync(new FakeChatClient { Respond = (_, _) => ModelAnswerGenerator.NotFound });

        var answer = await services.Answers.AskAsync(services.Index, "من هو المتحدث باسم الحشد الشعبي؟");

        Assert.Equal(AnswerConfidence.None, answer.Confidence);
    }

    [Theory]
    [InlineData("**كريم النوري** هو المتحدث باسم الحشد الشعبي [1].", "من هو المتحدث باسم الحشد الشعبي؟", true)]
    [InlineData("**كريم النوري** هو المتحدث باسم الحشد الشعبي [1].", "متى تحدث المتحدث باسم الحشد الشعبي؟", false)]
    [InlineData("**من جهته** قال المتحدث باسم الحشد الشعبي كريم النوري [1].", "من هو المتحدث باسم الحشد الشعبي؟", false)]
    [InlineData("**2,500** US troops are in Iraq [1].", "How many US troops are in Iraq?", true)]
    [InlineData("**last Thursday** the troops arrived [1].", "How many US troops are in Iraq?", false)]
    [InlineData("**4000 فرد** [1]", "لماذا رفع الناتو عدد جنوده؟", false)]
    public async Task ALeadingBoldSpan_StaysBoldOnlyWhenOfTheAskedKind(string text, string question, bool bold)
    {
        await using var services = await AnsweringServices.CreateAsync();
        var read = services.Get<AnswerabilityJudge>().Read(question, services.Index);

        var kept = ModelAnswerLevel.KindOnlyBold(text, read);

        Assert.Equal(bold, kept.StartsWith("**", StringComparison.Ordinal));
        Assert.Equal(text.Replace("**", string.Empty, StringComparison.Ordinal), kept.Replace("**", string.Empty, StringComparison.Ordinal));
    }
}
