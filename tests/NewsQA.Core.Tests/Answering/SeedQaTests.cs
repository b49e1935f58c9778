using NewsQA.Core.Answering;
using NewsQA.Core.Conversations;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Answering;

/// <summary>The seed-article QA set (Data/seed-qa.tsv) answered offline, as `newsqa ask` answers it.</summary>
public class SeedQaTests : IAsyncLifetime
{
    private AnsweringServices _services = null!;

    public async Task InitializeAsync() => _services = await AnsweringServices.CreateAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    public static TheoryData<string, string, string, string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string, string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "seed-qa.tsv")))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line)) continue;
            var f = line.Split('\t');
            data.Add(f[0], f[1], f[2], f[3], f[4], f.Length > 5 ? f[5] : string.Empty);
        }

        return data;
    }

    [Fact]
    public void Set_HasAtLeastThirtyQuestions_OfEveryKind()
    {
        var kinds = Rows().Select(r => (string)r[0]).ToList();
        Assert.True(kinds.Count >= 30);
        Assert.Equal(["factoid", "followup", "summary", "unanswerable"], kinds.Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Ask_AnswersTheSeedQuestion(string kind, string question, string document, string paragraph, string fact, string previous)
    {
        var conversation = new Conversation("test");
        if (previous.Length > 0) await _services.Answers.AskAsync(_services.Index, previous, conversation);
        var answer = await _services.Answers.AskAsync(_services.Index, question, conversation);

        switch (kind)
        {
            case "factoid" or "followup":
                Assert.True(answer.Grounded, answer.Text);
                Assert.Contains(fact, answer.Text);
                var first = answer.Citations[0];
                Assert.Equal((document, int.Parse(paragraph, System.Globalization.CultureInfo.InvariantCulture)), (first.Passage.DocumentId, first.Passage.Paragraph));
                Assert.Contains(fact, first.Passage.Text.Substring(first.Sentence.Start, first.Sentence.Length));
                Assert.Equal(answer.Language, NewsQA.Core.Text.LanguageDetector.DetectAnswerLanguage(question));
                break;
            case "summary":
                Assert.Equal(AnswerKind.Summary, answer.Kind);
                Assert.True(answer.Citations.Count >= 3, answer.Text);
                Assert.Equal(answer.Citations.Count, answer.Text.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
                if (document != "-") Assert.All(answer.Citations, c => Assert.Equal(document, c.Passage.DocumentId));
                for (var i = 1; i <= answer.Citations.Count; i++) Assert.Contains($"[{i}]", answer.Text);
                break;
            case "unanswerable":
                Assert.False(answer.Grounded, answer.Text);
                Assert.Empty(answer.Citations);
                Assert.Equal(AnswerTexts.Refusal(answer.Language), answer.Text);
                break;
            default:
                Assert.Fail($"unknown kind {kind}");
                break;
        }
    }

    [Fact]
    public async Task ShowSource_GivesTheWholeParagraph_WithTheCitedSentenceMarked()
    {
        var conversation = new Conversation("test");
        await _services.Answers.AskAsync(_services.Index, "كم رفع الناتو عدد جنوده في العراق؟", conversation);
        var source = await _services.Answers.AskAsync(_services.Index, "المصدر 1", conversation);

        Assert.Equal(AnswerKind.Source, source.Kind);
        Assert.Contains("الصدام بين الفصائل والقوات الامريكية", source.Text);
        Assert.Contains("**", source.Text);
        Assert.Contains("4000", source.Text);
        Assert.Contains("الفقرة 8", source.Text);

        var missing = await _services.Answers.AskAsync(_services.Index, "show 9", conversation);
        Assert.False(missing.Grounded);
        Assert.Equal("لا يوجد مصدر برقم 9 في الإجابة السابقة.", missing.Text); // in the conversation's language
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Ask_EmptyMessage_GetsAPoliteHint(string message)
    {
        var answer = await _services.Answers.AskAsync(_services.Index, message);
        Assert.Equal(AnswerKind.Help, answer.Kind);
        Assert.False(answer.Grounded);
        Assert.NotEmpty(answer.Text);
    }

    [Fact]
    public async Task Ask_OverlongMessage_IsDeclinedWithTheLimit()
    {
        var answer = await _services.Answers.AskAsync(_services.Index, new string('س', 5000));
        Assert.Equal(AnswerKind.Help, answer.Kind);
        Assert.Contains("2,000", answer.Text);
    }

    [Fact]
    public async Task Conversation_KeepsOnlyTheRecentTurns()
    {
        var conversation = new Conversation("bounded", maxTurns: 3);
        for (var i = 0; i < 5; i++) await _services.Answers.AskAsync(_services.Index, "من هو قائد عمليات محافظة نينوى؟", conversation);
        Assert.Equal(3, conversation.Turns.Count);
    }
}
