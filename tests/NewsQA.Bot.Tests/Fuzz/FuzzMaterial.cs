using System.Text.Json;

namespace NewsQA.Bot.Tests.Fuzz;

/// <summary>The real things the fuzz cases start from: tokens, ids, and valid bodies of every kind the service reads.</summary>
public sealed class FuzzMaterial
{
    private static readonly string[] Questions =
    [
        "كم رفع الناتو عدد جنوده في العراق؟", "Who commands the French forces in the Middle East?", "show 1", "المصدر 2", "لخص المقال الثاني",
        "ومتى حدث ذلك؟", "<at>NewsQA</at>", "", "summarize the first article", BracketsQuestion,
    ];

    /// <summary>A question answered from <see cref="BracketsArticle"/>, whose text has bracketed numbers of its own.</summary>
    public const string BracketsQuestion = "متى أعيد افتتاح جسر الجادرية؟";

    /// <summary>An article in the fuzzed corpus whose paragraphs hold "[3]", "[٤]" and "［5］", which must never read as citations.</summary>
    public const string BracketsArticle = """
        إعادة افتتاح جسر الجادرية في بغداد

        أعيد افتتاح جسر الجادرية يوم الأحد بعد عامين من أعمال الصيانة [3]، بحسب وزارة الإعمار.

        واستبدل المهندسون مفاصل جسر الجادرية الحديدية وأعادوا رصف مساراته الأربعة [٤].

        وكانت حركة المرور على جسر الجادرية خفيفة في صباحه الأول ［5］، بحسب السكان.
        """;

    public required string Token { get; init; }

    public required string OtherToken { get; init; }

    public required string StartToken { get; init; }

    public required string ConversationId { get; init; }

    public required string UserId { get; init; }

    public required string PassageId { get; init; }

    public required string AdminKey { get; init; }

    /// <summary>Where Teams-shaped activities say replies go: the one serviceUrl the fuzzed bot is allowed.</summary>
    public required string ServiceUrl { get; init; }

    /// <summary>A listener on loopback outside the allow-list, named as the serviceUrl of some activities: it must receive nothing.</summary>
    public required string OutsideServiceUrl { get; init; }

    public string AskBody(Random random) => JsonSerializer.Serialize(new
    {
        question = Pick(random, Questions),
        conversationId = Pick(random, [null, "fuzz-1", "fuzz-2", $"msteams:a:{random.Next(3)}", $"directline:{ConversationId}"]),
    });

    public string ActivityBody(Random random)
    {
        var from = new { id = "29:user", name = "Layla", aadObjectId = "00000000-0000-0000-0000-000000000001" };
        var recipient = new { id = "28:bot", name = "NewsQA" };
        var conversation = new { id = $"a:fuzz{random.Next(3)}", conversationType = "personal", tenantId = "t" };
        var serviceUrl = random.Next(8) == 0 ? OutsideServiceUrl : ServiceUrl;
        object activity = random.Next(5) switch
        {
            0 => new
            {
                type = "conversationUpdate", channelId = "msteams", serviceUrl, from, recipient, conversation,
                membersAdded = new[] { new { id = "28:bot" } },
            },
            1 => new
            {
                type = "invoke", name = "message/submitAction", channelId = "msteams", serviceUrl, from, recipient, conversation, replyToId = "r",
                value = new { actionName = "feedback", actionValue = new { reaction = "like", feedback = "{\"feedbackText\":\"good\"}" } },
            },
            2 => new
            {
                type = "message", channelId = "msteams", serviceUrl, from, recipient, conversation, text = Pick(random, Questions), deliveryMode = "expectReplies",
                entities = new object[] { new { type = "mention", text = "<at>NewsQA</at>", mentioned = new { id = "28:bot", name = "NewsQA" } }, new { type = "clientInfo", locale = "ar-SA" } },
            },
            _ => new
            {
                type = "message", id = ActivityIds.Next(), channelId = Pick(random, ["msteams", "emulator", "webchat"]), serviceUrl, from, recipient, conversation,
                text = Pick(random, Questions), locale = "ar-SA", channelData = new { tenant = new { id = "t" } },
            },
        };
        return JsonSerializer.Serialize(activity);
    }

    public static string ArticleBody(Random random) => JsonSerializer.Serialize(new
    {
        title = $"Bridge {random.Next(1000)} opens", text = "The governor opened the new bridge over the Tigris on Thursday.",
        url = $"https://example.com/bridge/{random.Next(1000)}", published = "2024-02-01T10:00:00+03:00", source = "Mosul News", language = "en",
    });

    public string WebChatBody(Random random) => JsonSerializer.Serialize(new
    {
        type = random.Next(6) == 0 ? "invoke" : "message", name = "message/submitAction", text = Pick(random, Questions), locale = "ar-SA", channelId = "webchat",
        textFormat = "plain", from = new { id = UserId, role = "user" }, localTimestamp = "2026-11-22T10:00:00+03:00",
        channelData = new { clientActivityID = $"c{random.Next(1000)}" },
        entities = new object[] { new { type = "ClientCapabilities", requiresBotState = true, supportsListening = true, supportsTts = true } },
        value = new { actionName = "feedback", actionValue = new { reaction = "dislike", feedback = new { feedbackText = "no" } } },
    });

    private static string? Pick(Random random, string?[] choices) => choices[random.Next(choices.Length)];
}
