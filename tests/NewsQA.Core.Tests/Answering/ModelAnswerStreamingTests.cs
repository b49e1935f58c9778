using Microsoft.Extensions.AI;
using NewsQA.Core.Answering;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Answering;

/// <summary>The model generator's updates: text as the model writes it, then the validated answer; the offline one answers whole.</summary>
public class ModelAnswerStreamingTests
{
    private const string Question = "من هو المتحدث باسم الحشد الشعبي؟";

    private static string CitingNouri(IReadOnlyList<ChatMessage> messages)
    {
        var user = messages.Last(m => m.Role == ChatRole.User).Text;
        var marker = user.Split("\n[").Select((block, i) => (block, i)).First(x => x.block.Contains("كريم النوري", StringComparison.Ordinal)).i;
        return $"المتحدث باسم الحشد الشعبي هو كريم النوري [{marker}]. وأضاف أن التحالف [17] لم يعلن شيئا.";
    }

    [Fact]
    public async Task Answer_StreamsGrowingText_ThenTheValidatedAnswer()
    {
        var chat = new FakeChatClient { Respond = (m, _) => CitingNouri(m), StreamPieces = 12 };
        await using var services = await AnsweringServices.CreateAsync(chat);

        var updates = new List<AnswerUpdate>();
        await foreach (var update in services.Answers.AskStreamingAsync(services.Index, Question)) updates.Add(update);

        var partial = updates.Where(u => u.Final is null).Select(u => u.Text).ToList();
        Assert.True(partial.Count >= 3, $"{partial.Count} partial updates");
        for (var i = 1; i < partial.Count; i++) Assert.StartsWith(partial[i - 1], partial[i], StringComparison.Ordinal);
        Assert.All(partial, p => Assert.DoesNotContain("[17]", p));
        var final = Assert.Single(updates, u => u.Final is not null).Final!;
        Assert.Same(final, updates[^1].Final);
        Assert.Equal(AnswerMode.Llm, final.Mode);
        // The final answer replaces what was streamed: the sentence whose only marker pointed at no passage is dropped.
        Assert.StartsWith(final.Text[..^1], partial[^1], StringComparison.Ordinal);
        Assert.Equal("المتحدث باسم الحشد الشعبي هو كريم النوري [1].", final.Text);
        Assert.Equal([true], chat.Streamed);
    }

    [Fact]
    public async Task Offline_AnswersWhole_WithoutPartialText()
    {
        await using var services = await AnsweringServices.CreateAsync();
        var updates = new List<AnswerUpdate>();
        await foreach (var update in services.Answers.AskStreamingAsync(services.Index, Question)) updates.Add(update);

        var only = Assert.Single(updates);
        Assert.Equal(AnswerMode.Local, only.Final!.Mode);
        Assert.False(services.Answers.StreamsAnswers);
    }

    [Fact]
    public async Task AnUngroundedStream_IsAskedOnceMore_NotShown_AndTheOfflineAnswerReplacesIt()
    {
        var chat = new FakeChatClient { Respond = (_, _) => "كريم النوري هو المتحدث [42].", StreamPieces = 4 };
        await using var services = await AnsweringServices.CreateAsync(chat);
        var updates = new List<AnswerUpdate>();
        await foreach (var update in services.Answers.AskStreamingAsync(services.Index, Question)) updates.Add(update);

        Assert.Equal(2, chat.Requests.Count); // the second attempt is read as a stream too, so that AI:MaxAnswerChars caps it
        Assert.Equal(AnswerMode.Local, updates[^1].Final!.Mode);
        Assert.All(updates.SkipLast(1), u => Assert.DoesNotContain("[42]", u.Text));
        Assert.True(updates.Count(u => u.Final is null) <= chat.StreamPieces, "the second attempt was shown"); // only the first attempt's pieces
    }

    [Fact]
    public async Task HistoryTurns_BoundsWhatTheCondensePromptSees()
    {
        var chat = new FakeChatClient { Respond = (m, _) => m[0].Text.Contains("standalone", StringComparison.Ordinal) ? "ماذا قال كريم النوري؟" : "NOT_FOUND" };
        await using var services = await AnsweringServices.CreateAsync(chat, new() { ["Answering:HistoryTurns"] = "2" });
        var conversation = services.Answers.StartConversation("c");
        string[] questions = ["من هو المتحدث باسم الحشد الشعبي؟", "كم رفع الناتو عدد جنوده في العراق؟", "من هو قائد عمليات محافظة نينوى؟"];
        foreach (var question in questions) await services.Answers.AskAsync(services.Index, question, conversation);
        await services.Answers.AskAsync(services.Index, "وماذا قال عن التحالف؟", conversation);

        var condense = chat.Requests.Last(r => r[0].Text.Contains("standalone", StringComparison.Ordinal))[^1].Text;
        Assert.DoesNotContain(questions[0], condense);
        Assert.Contains(questions[1], condense);
        Assert.Contains(questions[2], condense);
        Assert.Equal(2, conversation.Turns.Count);
    }
}
