using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Models;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Answering;

/// <summary>
/// Answerability on written pairs over the seed articles: the same question about something the articles name, and
/// about its near neighbour they do not (another country's forces, another group's casualties), in both languages.
/// </summary>
public class AnswerabilityTests : IAsyncLifetime
{
    private AnsweringServices _services = null!;

    public async Task InitializeAsync() => _services = await AnsweringServices.CreateAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    public static TheoryData<string, string> Pairs() => new()
    {
        { "من هو قائد القوات الفرنسية في الشرق الأوسط؟", "من هو قائد القوات الإيطالية في الشرق الأوسط؟" },
        { "كم مسلحا من داعش قتل في حملة وثبة الأسد؟", "كم جنديا عراقيا قتل في حملة وثبة الأسد؟" },
        { "Who commands the French forces in the Middle East?", "Who commands the Italian forces in the Middle East?" },
        { "How many soldiers did NATO's mission in Iraq grow to under Jens Stoltenberg?", "How many soldiers did the mission of the European Union in Iraq grow to under Jens Stoltenberg?" },
    };

    private async Task<(double Probability, Answer Answer)> JudgeAsync(string question)
    {
        var answer = await _services.Answers.AskAsync(_services.Index, question);
        return (answer.Answerability ?? 0, answer);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task TheAnsweredQuestion_IsJudgedMoreAnswerable_ThanItsUnansweredNeighbour(string answered, string neighbour)
    {
        var (yes, answer) = await JudgeAsync(answered);
        var (no, _) = await JudgeAsync(neighbour);

        Assert.True(answer.Grounded, answer.Text);
        Assert.True(yes > no, $"{yes:0.000} <= {no:0.000}");
    }

    [Fact]
    public void Features_HoldTheFocus_OnlyWhenEveryModifierIsThere_AndTheTypedAnswerBesideIt()
    {
        const string text = "وعلق وزير الدفاع الأمريكي لويد أوستن على الهجمات.";
        double Feature(string question, string name) => FeatureOf(question, text, name);

        Assert.Equal(1, Feature("من هو وزير الدفاع الأمريكي؟", "focusComplete"));
        Assert.Equal(0, Feature("من هو وزير الخارجية الأمريكي؟", "focusComplete")); // الخارجية is nowhere in it
        Assert.True(Feature("من هو وزير الدفاع الأمريكي؟", "typedBesideFocus") > 0.5); // لويد أوستن right after the focus
        Assert.Equal(0, Feature("من هو وزير الخارجية الأمريكي؟", "typedBesideFocus"));
    }

    private double FeatureOf(string question, string text, string name)
    {
        var passage = new Passage("p", "d", "t", 1, 1, null, text, SentenceSplitter.Split(text));
        var sentence = new SentenceEvidence(passage, passage.Sentences[0], 1, 1, 1);
        var read = _services.Get<AnswerabilityJudge>().Read(question, _services.Index);
        return AnswerabilityJudge.Features(read, sentence)[AnswerabilityFeatures.Names.ToList().IndexOf(name)];
    }

    public static TheoryData<string, string, string> ModifierPairs() => new()
    {
        // The asked office's country stands after the head in Arabic, before it in English.
        { "ماذا قال وزير الخارجية الفرنسي عن المحادثات؟", "ماذا قال وزير الخارجية الأمريكي عن المحادثات؟", "وقال وزير الخارجية الأمريكي إن المحادثات مستمرة." },
        { "What did the French defence minister say about the talks?", "What did the British defence minister say about the talks?", "The British defence minister said the talks would go on." },
    };

    [Theory]
    [MemberData(nameof(ModifierPairs))]
    public void ModifierConflict_IsRaised_WhenAnotherModifierStandsWhereTheQuestionsWould(string conflicting, string agreeing, string sentence)
    {
        Assert.Equal(1, FeatureOf(conflicting, sentence, "modifierConflict"));
        Assert.Equal(0, FeatureOf(agreeing, sentence, "modifierConflict"));
    }

    [Fact]
    public void ModifierConflict_IsNotRaised_WhenTheSentenceOnlyLacksTheModifier()
    {
        // "the minister said": nothing else stands in the modifier's place, so the sentence may well mean the same one.
        Assert.Equal(0, FeatureOf("What did the French defence minister say about the talks?", "The minister said the talks would go on.", "modifierConflict"));
        Assert.Equal(0, FeatureOf("ماذا قال وزير الخارجية الفرنسي عن المحادثات؟", "وقال الوزير إن المحادثات مستمرة.", "modifierConflict"));
    }

    public static TheoryData<string, string, string> EntityPairs() => new()
    {
        { "كم جنديا قتل في سوريا؟", "كم جنديا قتل في العراق؟", "وقتل ثلاثة جنود أمس في العراق." },
        { "How many soldiers were killed in Syria?", "How many soldiers were killed in Baghdad?", "Three soldiers were killed in Baghdad on Monday." },
    };

    [Theory]
    [MemberData(nameof(EntityPairs))]
    public void EntityConflict_IsRaised_WhenAnotherPlaceFillsTheQuestionsPlace(string conflicting, string agreeing, string sentence)
    {
        Assert.Equal(1, FeatureOf(conflicting, sentence, "entityConflict"));
        Assert.Equal(0, FeatureOf(agreeing, sentence, "entityConflict"));
    }

    public static TheoryData<string, string, string> CountPairs() => new()
    {
        { "كم جنديا وصل إلى القاعدة؟", "ووصل 300 جندي إلى القاعدة أمس.", "ووصل الجنود إلى القاعدة أمس." },
        { "How many soldiers reached the base?", "Some 300 soldiers reached the base on Monday.", "The soldiers reached the base on Monday." },
    };

    [Theory]
    [MemberData(nameof(CountPairs))]
    public void NumberAbsent_IsRaised_ForAHowManyQuestion_OnlyOverASentenceWithoutACount(string question, string counted, string uncounted)
    {
        Assert.Equal(0, FeatureOf(question, counted, "numberAbsent"));
        Assert.Equal(1, FeatureOf(question, uncounted, "numberAbsent"));
        Assert.Equal(0, FeatureOf(question, uncounted, "timeAbsent")); // the absence is counted for the asked type only
    }

    [Fact]
    public async Task AQuestionAboutWhatTheArticlesNeverMention_IsRefused_WithItsAnswerability()
    {
        var answer = await _services.Answers.AskAsync(_services.Index, "كم يبلغ عدد سكان اليابان؟");

        Assert.Equal(AnswerKind.Refusal, answer.Kind);
        Assert.Empty(answer.Citations);
    }
}
