using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Conversations;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Answering;

/// <summary>
/// A follow-up is read against the answer it follows, in both languages: the entity that answer named is carried, and
/// its cited sentence and article are searched first for what the follow-up newly asks (issue 20's conversations, which
/// the previous reading refused or answered from unrelated passages).
/// </summary>
public class FollowUpTests : IAsyncLifetime
{
    private AnsweringServices _services = null!;

    public async Task InitializeAsync() => _services = await AnsweringServices.CreateAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Theory]
    [InlineData("من هو وزير الدفاع الأمريكي؟", "ومتى قال ذلك؟")]
    [InlineData("Who is Lloyd Austin?", "When did he say that?")]
    public async Task WhenDidHeSayThat_IsAnsweredFromThePreviousAnswersOwnSentence(string first, string followUp)
    {
        var conversation = new Conversation("test");
        var previous = await _services.Answers.AskAsync(_services.Index, first, conversation);
        Assert.Contains("لويد أوستن", CitedSentence(previous));

        var answer = await _services.Answers.AskAsync(_services.Index, followUp, conversation);

        Assert.NotEqual(AnswerConfidence.None, answer.Confidence);
        Assert.Equal(previous.Citations[0].Passage.Id, answer.Citations[0].Passage.Id);
        Assert.Contains("منتصف نوفمبر", CitedSentence(answer));
        // "he" is carried as the name: the entity the previous answer named, or the previous question that named it.
        Assert.True(answer.StandaloneQuestion.Contains("أوستن", StringComparison.Ordinal) || answer.StandaloneQuestion.Contains("Austin", StringComparison.Ordinal), answer.StandaloneQuestion);
        if (answer.ShortAnswer is { } shortAnswer) Assert.Equal(SpanKind.Time, shortAnswer.Kind);
    }

    [Theory]
    [InlineData("من هو منسق قوات التحالف مع قوات البيشمركة في كردستان؟", "ومع أي موقع تحدث؟", "Pbs")]
    [InlineData("Who is the head of the coalition's advisers?", "Which news site did he speak to?", "Pbs")]
    public async Task AFollowUpOfAnotherKind_FindsItInThePreviousAnswersArticleFirst(string first, string followUp, string expected)
    {
        var conversation = new Conversation("test");
        var previous = await _services.Answers.AskAsync(_services.Index, first, conversation);
        var answer = await _services.Answers.AskAsync(_services.Index, followUp, conversation);

        Assert.NotEqual(AnswerConfidence.None, answer.Confidence);
        Assert.Equal(previous.Citations[0].Passage.DocumentId, answer.Citations[0].Passage.DocumentId);
        Assert.Contains(expected, CitedSentence(answer));
    }

    [Fact]
    public async Task AQuestionThatStandsAlone_IsNotReadAgainstThePreviousAnswer()
    {
        var conversation = new Conversation("test");
        await _services.Answers.AskAsync(_services.Index, "من هو وزير الدفاع الأمريكي؟", conversation);
        var answer = await _services.Answers.AskAsync(_services.Index, "من هو قائد القوات الفرنسية في الشرق الأوسط؟", conversation);

        Assert.Equal("من هو قائد القوات الفرنسية في الشرق الأوسط؟", answer.StandaloneQuestion);
        Assert.Contains("إيمانويل سلارس", CitedSentence(answer));
    }

    private static string CitedSentence(Answer answer) =>
        answer.Citations[0].Passage.Text.Substring(answer.Citations[0].Sentence.Start, answer.Citations[0].Sentence.Length);
}
