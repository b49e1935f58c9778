using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;
using NewsQA.Core.Answering;
using NewsQA.Core.Conversations;
using NewsQA.Core.Text;

namespace NewsQA.Bot.Conversation;

/// <summary>
/// NewsQA's bot logic, independent of how activities arrive (Teams through /api/messages, the web chat through Direct
/// Line): a message gets a typing indicator, then the cited answer with its citation entity, AI label, feedback buttons
/// and suggested follow-ups; a bot @mention alone, or the bot joining a conversation, gets the bilingual welcome;
/// answer feedback is stored; every other activity is ignored.
/// </summary>
public sealed partial class ActivityResponder(AnswerService answers, IndexHolder index, ConversationStore conversations, FeedbackStore feedback)
{
    public const string FeedbackInvoke = "message/submitAction";

    private const string WelcomeText =
        "مرحبا! أنا NewsQA، أجيب عن الأسئلة من المقالات الإخبارية مع ذكر المصادر. اسألني بالعربية أو بالإنجليزية.\n\n" +
        "Hello! I'm NewsQA: I answer questions from the news articles, citing my sources. Ask in Arabic or English.";

    private static readonly string[] Examples = ["من هو المتحدث باسم الحشد الشعبي؟", "Who commands the French forces in the Middle East?"];

    public async Task<ResponderResult> RespondAsync(Activity activity, Uri baseAddress, CancellationToken cancellationToken)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                var text = StripBotMentions(activity);
                if (string.IsNullOrWhiteSpace(text) && activity.Text?.Contains("<at>", StringComparison.OrdinalIgnoreCase) == true)
                {
                    return new([Welcome(activity)]);
                }

                return new([activity.CreateReply(ActivityTypes.Typing), await AnswerAsync(activity, text, baseAddress, cancellationToken)]);
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true:
                return new([Welcome(activity)]);
            case ActivityTypes.Invoke when activity.Name == FeedbackInvoke:
                await SaveFeedbackAsync(activity, cancellationToken);
                return new([], 200);
            case ActivityTypes.Invoke:
                return new([], 200);
            default:
                return ResponderResult.Nothing;
        }
    }

    /// <summary>The welcome: what NewsQA does, in both languages, with two example questions to click.</summary>
    public static Activity Welcome(Activity to)
    {
        var reply = to.CreateReply();
        reply.ReplyToId = null;
        reply.Text = WelcomeText;
        reply.SuggestedActions = new SuggestedActions([.. Examples.Select(e => new CardAction("imBack", e, e))]);
        return reply;
    }

    private async Task<Activity> AnswerAsync(Activity activity, string text, Uri baseAddress, CancellationToken cancellationToken)
    {
        var reply = activity.CreateReply();
        reply.TextFormat = "markdown";
        if (index.Current is not { } current)
        {
            reply.Text = "I'm still reading the articles; please ask again in a moment. / ما زلت أقرأ المقالات؛ أعد السؤال بعد لحظة.";
            return reply;
        }

        var conversation = conversations.GetOrCreate($"{activity.ChannelId}:{activity.Conversation?.Id}");
        var answer = await answers.AskAsync(current, text, conversation, cancellationToken);
        var webChat = BotChannels.IsWebChat(activity.ChannelId);
        reply.Text = answer.Citations.Count > 0 && webChat ? $"{answer.Text}\n\n{CitationEntity.LinkDefinitions(answer)}" : answer.Text;
        if (answer.Citations.Count > 0)
        {
            string? SourceOf(string documentId) => current.DocumentsById.TryGetValue(documentId, out var d) ? d.Source : null;
            reply.Entities = [CitationEntity.Create(answer, activity.ChannelId ?? string.Empty, baseAddress, SourceOf)];
            reply.ChannelData = new JsonObject { ["feedbackLoop"] = new JsonObject { ["type"] = "default" } };
            reply.SuggestedActions = FollowUps(answer, current.Documents.Select(d => d.DocumentId).ToList());
        }

        return reply;
    }

    // After a cited answer: open its first source, or summarize its article (named by ordinal, which the summary
    // resolver reads in both languages).
    private static SuggestedActions? FollowUps(Answer answer, List<string> documents)
    {
        var arabic = answer.Language == TextLanguage.Arabic;
        var actions = new List<CardAction> { new("imBack", arabic ? "المصدر 1" : "show 1", arabic ? "المصدر 1" : "show 1") };
        var ordinal = documents.IndexOf(answer.Citations[0].Passage.DocumentId);
        string[] arabicOrdinals = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"];
        string[] englishOrdinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
        if (answer.Kind == AnswerKind.Factoid && ordinal is >= 0 and < 10)
        {
            var summary = arabic ? $"لخص المقال {arabicOrdinals[ordinal]}" : $"Summarize the {englishOrdinals[ordinal]} article";
            actions.Add(new CardAction("imBack", summary, summary));
        }

        return new SuggestedActions(actions);
    }

    private async Task SaveFeedbackAsync(Activity activity, CancellationToken cancellationToken)
    {
        string? reaction = null, comment = null;
        if (activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("actionValue", out var action) && action.ValueKind == JsonValueKind.Object)
        {
            reaction = action.TryGetProperty("reaction", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            if (action.TryGetProperty("feedback", out var f)) comment = FeedbackText(f);
        }

        var last = conversations.Find($"{activity.ChannelId}:{activity.Conversation?.Id}")?.Last;
        await feedback.SaveAsync(new FeedbackRecord(activity.Conversation?.Id, activity.ReplyToId, reaction, comment, last?.Question,
            [.. last?.Answer.Citations.Select(c => c.Passage.Id) ?? []]), cancellationToken);
    }

    // Teams sends the comment as a JSON string, Web Chat as an object: {"feedbackText": "…"} either way.
    private static string? FeedbackText(JsonElement feedback)
    {
        try
        {
            var element = feedback.ValueKind == JsonValueKind.String ? JsonDocument.Parse(feedback.GetString()!).RootElement : feedback;
            return element.ValueKind == JsonValueKind.Object && element.TryGetProperty("feedbackText", out var t) ? t.GetString() : null;
        }
        catch (JsonException)
        {
            return feedback.ValueKind == JsonValueKind.String ? feedback.GetString() : null;
        }
    }

    /// <summary>The message text without the bot's own Teams @mentions (entities are trusted, not the text).</summary>
    public static string StripBotMentions(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity["type"]?.GetValue<string>(), "mention", StringComparison.OrdinalIgnoreCase)) continue;
            var mentioned = entity["mentioned"]?["id"]?.GetValue<string>();
            if (mentioned is null || mentioned != activity.Recipient?.Id) continue;
            var mentionText = entity["text"]?.GetValue<string>() ?? $"<at>{entity["mentioned"]?["name"]?.GetValue<string>()}</at>";
            text = Regex.Replace(text, Regex.Escape(mentionText), string.Empty, RegexOptions.IgnoreCase);
        }

        return SpacePattern().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacePattern();
}
