using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Conversations;
using NewsQA.Core.Tests.Support;
using NewsQA.Testing;

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

    [Theory]
    [InlineData("من فاز بكأس العالم لكرة القدم؟", "كم عمره؟")]
    [InlineData("من فاز بكأس العالم لكرة القدم؟", "وأين ولد؟")]
    [InlineData("Who won the football world cup?", "How old is he?")]
    [InlineData("Who won the football world cup?", "Where was he born?")]
    public async Task AFollowUpToARefusedTurn_IsNeverAnswered(string first, string followUp)
    {
        var conversation = new Conversation("test");
        var previous = await _services.Answers.AskAsync(_services.Index, first, conversation);
        Assert.Equal(AnswerConfidence.None, previous.Confidence);

        var answer = await _services.Answers.AskAsync(_services.Index, followUp, conversation);

        // "he" stands for nothing the articles gave: a passage the corpus alone finds is at most the closest one.
        Assert.NotEqual(AnswerConfidence.Answered, answer.Confidence);
        Assert.Null(answer.ShortAnswer);
    }

    [Theory]
    [InlineData("ar", "من هو وزير الدفاع الأمريكي؟", "ومتى قال ذلك؟", "منتصف نوفمبر")]
    [InlineData("en", "Who is the US defense secretary?", "When did he say that?", "mid-November")]
    public async Task AFollowUp_IsAnsweredFromThePreviousArticle_AndRefusedWhenNeitherItNorTheCorpusHoldsAnAnswerOfTheKindAsked(
        string language, string first, string followUp, string when)
    {
        var arabic = language == "ar";
        string Said(string dated) => arabic
            ? $"وقال وزير الدفاع الأمريكي لويد أوستن إن الهجمات على القوات يجب أن تتوقف.{dated}"
            : $"US defense secretary Lloyd Austin said the attacks on the troops must stop.{dated}";
        var withDate = arabic ? " وجاءت تصريحاته في مؤتمر صحفي عقده منتصف نوفمبر الماضي." : " He spoke at a press conference in mid-November.";

        // The time is in the previous answer's article, in another paragraph: the follow-up finds it there.
        var dated = await FollowUpOverAsync(language, first, followUp, Said(string.Empty), withDate.Trim());
        Assert.NotEqual(AnswerConfidence.None, dated.Confidence);
        Assert.Contains(when, string.Join(' ', dated.Citations.Select(c => c.Passage.Text)));

        // No article says when: the follow-up is refused rather than answered with something else.
        var undated = await FollowUpOverAsync(language, first, followUp, Said(string.Empty), arabic ? "وأضاف أن القوات سترد على أي هجوم جديد." : "He added that the troops would answer any new attack.");
        Assert.Equal(AnswerConfidence.None, undated.Confidence);
    }

    private static async Task<Answer> FollowUpOverAsync(string language, string first, string followUp, params string[] paragraphs)
    {
        using var temp = new TempFolder();
        var corpus = temp.File("corpus");
        Directory.CreateDirectory(corpus);
        File.WriteAllText(Path.Combine(corpus, "austin.md"), DatedArticles.Article("Austin", "2024-01-10T10:00:00+03:00", "Dijla Times", "https://dijla.example/1", language, paragraphs));
        File.WriteAllText(Path.Combine(corpus, "water.md"), DatedArticles.Article("Water", "2024-01-11T10:00:00+03:00", "Dijla Times", "https://dijla.example/2", language,
            language == "ar" ? "وقالت وزارة الموارد المائية إن مخزون المياه في السدود انخفض إلى النصف." : "The water ministry said the reserves behind the dams fell by half."));
        await using var services = await AnsweringServices.CreateAsync(corpus: corpus);
        var conversation = new Conversation("test");
        var previous = await services.Answers.AskAsync(services.Index, first, conversation);
        Assert.Contains(language == "ar" ? "أوستن" : "Austin", previous.Citations[0].Passage.Text);
        return await services.Answers.AskAsync(services.Index, followUp, conversation);
    }

    private static string CitedSentence(Answer answer) =>
        answer.Citations[0].Passage.Text.Substring(answer.Citations[0].Sentence.Start, answer.Citations[0].Sentence.Length);
}
