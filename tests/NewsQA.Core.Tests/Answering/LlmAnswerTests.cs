using Microsoft.Extensions.AI;
using NewsQA.Core.Answering;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Answering;

public class LlmAnswerTests
{
    private const string Question = "من هو المتحدث باسم الحشد الشعبي؟";

    private static string UserMessage(IReadOnlyList<ChatMessage> messages) => messages.Last(m => m.Role == ChatRole.User).Text;

    // The number the prompt gave the passage holding a phrase.
    private static int MarkerOf(IReadOnlyList<ChatMessage> messages, string phrase) =>
        UserMessage(messages).Split("\n[").Select((block, i) => (block, i)).First(x => x.block.Contains(phrase, StringComparison.Ordinal)).i;

    [Fact]
    public async Task Ask_ReturnsTheModelsCitedAnswer_WithValidatedCitations()
    {
        var chat = new FakeChatClient();
        chat.Respond = (messages, _) =>
        {
            var text = UserMessage(messages);
            var marker = text.Split("\n[").Select((block, i) => (block, i)).First(x => x.block.Contains("كريم النوري", StringComparison.Ordinal)).i;
            return $"المتحدث باسم الحشد الشعبي هو كريم النوري [{marker}]. ورفض الحشد مشاركة التحالف سابقا [9].";
        };
        await using var services = await AnsweringServices.CreateAsync(chat);

        var answer = await services.Answers.AskAsync(services.Index, Question);

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.True(answer.Grounded);
        // The second sentence's only marker pointed at no passage: it is dropped, not kept uncited.
        Assert.Equal("المتحدث باسم الحشد الشعبي هو كريم النوري [1].", answer.Text);
        var citation = Assert.Single(answer.Citations);
        Assert.Contains("كريم النوري", citation.Passage.Text.Substring(citation.Sentence.Start, citation.Sentence.Length));
    }

    [Fact]
    public async Task Ask_RendersTheAnswerPrompt_WithPassagesLanguageAndQuestion()
    {
        var chat = new FakeChatClient { Respond = (_, _) => "NOT_FOUND" };
        await using var services = await AnsweringServices.CreateAsync(chat);
        await services.Answers.AskAsync(services.Index, Question);

        var request = Assert.Single(chat.Requests);
        Assert.Equal(ChatRole.System, request[0].Role);
        Assert.Contains("Answer in Arabic", request[0].Text);
        Assert.Contains("[1] ", UserMessage(request));
        Assert.Contains("[5] ", UserMessage(request));
        Assert.Contains(Question, UserMessage(request));
        Assert.DoesNotContain("{{", UserMessage(request));
    }

    [Fact]
    public async Task Ask_WhenTheModelSaysNotFound_RefusesWithoutCitations()
    {
        var chat = new FakeChatClient { Respond = (_, _) => "NOT_FOUND" };
        await using var services = await AnsweringServices.CreateAsync(chat);
        var answer = await services.Answers.AskAsync(services.Index, Question);

        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
        Assert.Equal(AnswerKind.Refusal, answer.Kind);
        Assert.Equal("لم أجد إجابة لهذا السؤال في المقالات.", answer.Text);
    }

    [Fact]
    public async Task Ask_WhenTheModelCitesNothingValid_RetriesOnce_ThenFallsBackToTheOfflineAnswer()
    {
        var chat = new FakeChatClient { Respond = (_, _) => "كريم النوري هو المتحدث [42]." };
        await using var services = await AnsweringServices.CreateAsync(chat);
        var answer = await services.Answers.AskAsync(services.Index, Question);

        Assert.Equal(2, chat.Requests.Count);
        Assert.Equal(AnswerMode.Local, answer.Mode);
        Assert.True(answer.Grounded);
        Assert.Contains("كريم النوري", answer.Text);
    }

    [Fact]
    public async Task Ask_WhenTheModelAnswersInTheWrongLanguage_FallsBack()
    {
        var chat = new FakeChatClient { Respond = (_, _) => "The spokesman is Karim al-Nouri [1]." };
        await using var services = await AnsweringServices.CreateAsync(chat);
        var answer = await services.Answers.AskAsync(services.Index, Question);

        Assert.Equal(AnswerMode.Local, answer.Mode);
        Assert.Equal("ar", answer.LanguageCode);
    }

    [Fact]
    public async Task Ask_WhenTheProviderFails_AnswersOffline()
    {
        var chat = new FakeChatClient { Respond = (_, _) => throw new HttpRequestException("connection refused") };
        await using var services = await AnsweringServices.CreateAsync(chat);
        var answer = await services.Answers.AskAsync(services.Index, Question);

        Assert.Equal(AnswerMode.Local, answer.Mode);
        Assert.Contains("كريم النوري", answer.Text);
    }

    [Fact]
    public async Task Ask_FollowUp_IsCondensedByThePrompt_BeforeRetrieval()
    {
        var chat = new FakeChatClient();
        chat.Respond = (messages, _) => messages[0].Text.Contains("standalone", StringComparison.Ordinal)
            ? "ماذا قال كريم النوري المتحدث باسم الحشد الشعبي عن التحالف؟"
            : "NOT_FOUND";
        await using var services = await AnsweringServices.CreateAsync(chat);
        var conversation = new Core.Conversations.Conversation("c");
        await services.Answers.AskAsync(services.Index, Question, conversation);
        var followUp = await services.Answers.AskAsync(services.Index, "وماذا قال عن التحالف؟", conversation);

        Assert.Equal("ماذا قال كريم النوري المتحدث باسم الحشد الشعبي عن التحالف؟", followUp.StandaloneQuestion);
        Assert.Contains("User: " + Question, UserMessage(chat.Requests[1]));
    }

    [Fact]
    public async Task Ask_DropsSentencesItsCitationsDoNotSupport_AndKeepsTheSupportedOne()
    {
        var chat = new FakeChatClient();
        chat.Respond = (messages, _) =>
        {
            var nouri = MarkerOf(messages, "كريم النوري");
            return $"المتحدث باسم الحشد الشعبي هو كريم النوري [{nouri}]. " +
                   $"ويبلغ عدد مقاتلي الحشد الشعبي مئة ألف مقاتل تدفع رواتبهم الحكومة الإيرانية [{nouri}]. " + // unsupported: no such fact
                   $"وقال الجنرال فرانك ماكنزي إن القوات الأميركية باقية في العراق [{nouri}]."; // true elsewhere, cited to the wrong passage
        };
        await using var services = await AnsweringServices.CreateAsync(chat);

        var answer = await services.Answers.AskAsync(services.Index, Question);

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Equal("المتحدث باسم الحشد الشعبي هو كريم النوري [1].", answer.Text);
        Assert.Single(answer.Citations);
    }

    [Fact]
    public async Task Ask_WhenNoClaimIsSupported_GivesTheOfflineAnswer()
    {
        var chat = new FakeChatClient { Respond = (messages, _) => $"تبلغ ميزانية الحشد الشعبي مليار دولار سنويا [{MarkerOf(messages, "كريم النوري")}]." };
        await using var services = await AnsweringServices.CreateAsync(chat);

        var answer = await services.Answers.AskAsync(services.Index, Question);

        Assert.Equal(2, chat.Requests.Count); // retried once, like any answer left without a valid citation
        Assert.Equal(AnswerMode.Local, answer.Mode);
        Assert.Contains("كريم النوري", answer.Text);
        Assert.DoesNotContain("مليار", answer.Text);
    }

    [Fact]
    public async Task Ask_InEnglish_KeepsAnEnglishClaimItsArabicCitationSupports()
    {
        const string question = "Who commands the French forces in the Middle East?";
        var chat = new FakeChatClient();
        chat.Respond = (messages, _) =>
        {
            // The question is first rewritten into the articles' language, then answered.
            if (!UserMessage(messages).Contains("Passages:", StringComparison.Ordinal)) return "من هو قائد القوات الفرنسية في الشرق الأوسط؟";
            var marker = MarkerOf(messages, "إيمانويل سلارس");
            return $"Emmanuel Salars commands the French forces in the Middle East [{marker}]. He was appointed by President Macron in 2019 [{marker}].";
        };
        await using var services = await AnsweringServices.CreateAsync(chat);

        var answer = await services.Answers.AskAsync(services.Index, question);

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Equal("Emmanuel Salars commands the French forces in the Middle East [1].", answer.Text); // Macron and 2019 are nowhere in it
    }

    [Fact]
    public async Task Summarize_WithAModel_ValidatesBulletCitations()
    {
        var chat = new FakeChatClient();
        chat.Respond = (messages, _) =>
        {
            // Three bullets, each restating the first words of the passage it cites.
            var blocks = UserMessage(messages).Split("\n[").Skip(1).Take(3).ToList();
            return string.Join("\n", blocks.Select((b, i) => $"- {string.Join(' ', b.Split('\n')[1].Split(' ').Take(12))} [{i + 1}]"));
        };
        await using var services = await AnsweringServices.CreateAsync(chat);
        var answer = await services.Answers.AskAsync(services.Index, "لخص المقال الثاني");

        Assert.Equal(AnswerKind.Summary, answer.Kind);
        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Equal(3, answer.Citations.Count);
        Assert.All(answer.Citations, c => Assert.Equal("001_d149adc8417d1233", c.Passage.DocumentId));
    }
}
