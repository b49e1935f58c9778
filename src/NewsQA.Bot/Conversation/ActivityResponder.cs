using System.Text.Json;
using System.Text.RegularExpressions;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;
using NewsQA.Core.Answering;
using NewsQA.Core.Feedback;
using NewsQA.Core.Indexing;
using NewsQA.Core.Text;

namespace NewsQA.Bot.Conversation;

/// <summary>
/// NewsQA's bot logic, independent of how activities arrive (Teams through /api/messages, the web chat through Direct
/// Line): a message gets a typing indicator at once, then the cited answer (streamed as it is written where the channel
/// and the answerer both stream) with its citation entity, AI label, feedback buttons and suggested follow-ups; a bot @mention alone, or the bot joining a conversation, gets the bilingual welcome;
/// answer feedback is stored; every other activity is ignored. It works on the conversation <see cref="TurnHandler"/>
/// loaded, which saves it afterwards.
/// </summary>
public sealed partial class ActivityResponder(
    AnswerService answers, IndexHolder index, IFeedbackStore feedback, SourceLinks links, TimeProvider clock, ILogger<ActivityResponder> logger)
{
    public const string FeedbackInvoke = "message/submitAction";

    private const string WelcomeText =
        "مرحبا! أنا NewsQA، أجيب عن الأسئلة من المقالات الإخبارية مع ذكر المصادر. اسألني بالعربية أو بالإنجليزية.\n\n" +
        "Hello! I'm NewsQA: I answer questions from the news articles, citing my sources. Ask in Arabic or English.";

    private static readonly string[] Examples = ["من هو المتحدث باسم الحشد الشعبي؟", "Who commands the French forces in the Middle East?"];

    /// <summary>
    /// Handles one incoming activity whose shape <see cref="ActivityValidator"/> has accepted, in
    /// <paramref name="conversation"/> (an answer adds its turn), sending each reply through <paramref name="replies"/>
    /// as soon as it exists; returns an invoke's status.
    /// </summary>
    public async Task<int?> RespondAsync(Activity activity, Core.Conversations.Conversation conversation, Uri baseAddress, IReplySender replies, CancellationToken cancellationToken)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                var text = StripBotMentions(activity);
                if (string.IsNullOrWhiteSpace(text) && activity.Text?.Contains("<at>", StringComparison.OrdinalIgnoreCase) == true)
                {
                    await replies.SendAsync(Welcome(activity), cancellationToken);
                    return null;
                }

                await AnswerAsync(activity, conversation, text, baseAddress, replies, cancellationToken);
                return null;
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true:
                await replies.SendAsync(Welcome(activity), cancellationToken);
                return null;
            case ActivityTypes.Invoke when activity.Name == FeedbackInvoke:
                await SaveFeedbackAsync(activity, conversation, cancellationToken);
                return 200;
            case ActivityTypes.Invoke:
                return 200;
            default:
                return null;
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

    /// <summary>What the user is told when answering failed unexpectedly, on every channel.</summary>
    public const string ApologyText = "Sorry, something went wrong while answering. / عذرا، حدث خطأ أثناء الإجابة.";

    /// <summary>What the user is told when answering failed unexpectedly, so that no message goes unanswered.</summary>
    public static Activity Apology(Activity to)
    {
        var apology = to.CreateReply();
        apology.Text = ApologyText;
        return apology;
    }

    // Typing goes out before retrieval starts; with a model and a channel that streams, the answer follows as a
    // livestream, otherwise as one message.
    private async Task AnswerAsync(Activity activity, Core.Conversations.Conversation conversation, string text, Uri baseAddress, IReplySender replies, CancellationToken cancellationToken)
    {
        await replies.SendAsync(activity.CreateReply(ActivityTypes.Typing), cancellationToken);
        using var lease = index.TryAcquire(); // the turn reads one snapshot, however many commits land meanwhile
        if (lease is null)
        {
            var wait = activity.CreateReply();
            wait.Text = "I'm still reading the articles; please ask again in a moment. / ما زلت أقرأ المقالات؛ أعد السؤال بعد لحظة.";
            await replies.SendAsync(wait, cancellationToken);
            return;
        }

        var stream = answers.StreamsAnswers && replies.Streams ? new AnswerStream(replies, activity, clock, logger) : null;
        if (stream is not null) await stream.StartAsync(AnswerReply.Searching(text), cancellationToken);
        var reply = await ComposeAsync(activity, conversation, text, lease, baseAddress, stream, cancellationToken);
        if (stream is not null) await stream.FinishAsync(reply, cancellationToken);
        else await replies.SendAsync(reply, cancellationToken);
    }

    // The answer's message, its text streamed meanwhile. An answer that fails unexpectedly becomes the apology, which
    // also ends a stream already under way (as its final message), so the user is never left with a frozen draft.
    private async Task<Activity> ComposeAsync(
        Activity activity, Core.Conversations.Conversation conversation, string text, IndexLease lease, Uri baseAddress, AnswerStream? stream, CancellationToken cancellationToken)
    {
        try
        {
            Answer? answer = null;
            var shown = string.Empty;
            await foreach (var update in answers.AskStreamingAsync(lease.Index, text, conversation, cancellationToken))
            {
                if (update.Final is { } final)
                {
                    answer = final;
                }
                else if (stream is not null)
                {
                    stream.Update(update.Text, cancellationToken);
                    shown = update.Text;
                }
            }

            return AnswerReply.Create(activity, answer!, lease.Index, citation => links.SourcePage(citation, baseAddress), AnswerTexts.FinalChange(shown, answer!));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogAnswerFailed(logger, e);
            return Apology(activity);
        }
    }

    private async Task SaveFeedbackAsync(Activity activity, Core.Conversations.Conversation conversation, CancellationToken cancellationToken)
    {
        string? reaction = null, comment = null;
        if (activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("actionValue", out var action) && action.ValueKind == JsonValueKind.Object)
        {
            reaction = action.TryGetProperty("reaction", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            if (action.TryGetProperty("feedback", out var f)) comment = FeedbackText(f);
        }

        // The feedback is about the conversation's last answer, kept as it was shown: a later re-index may change it.
        var last = conversation.Last;
        var citations = last?.Answer.Citations ?? [];
        await feedback.SaveAsync(new FeedbackRecord(activity.Conversation?.Id, activity.ReplyToId, reaction, comment, last?.Question, [.. citations.Select(c => c.Passage.Id)])
        {
            Answer = last?.Answer.Text,
            Citations = [.. citations.Select(c => new FeedbackCitation(c.Marker, c.Passage.Id, c.Passage.Title, c.Passage.Paragraph, c.Passage.Text.Substring(c.Sentence.Start, c.Sentence.Length)))],
        }, cancellationToken);
    }

    // Teams sends the comment as a JSON string, Web Chat as an object: {"feedbackText": "…"} either way.
    private static string? FeedbackText(JsonElement feedback)
    {
        try
        {
            var element = feedback.ValueKind == JsonValueKind.String ? JsonDocument.Parse(feedback.GetString()!).RootElement : feedback;
            return element.ValueKind == JsonValueKind.Object && element.TryGetProperty("feedbackText", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
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
            if (!ActivityValidator.IsMention(entity)) continue;
            var mentioned = ActivityValidator.StringOf(entity["mentioned"], "id");
            if (mentioned is null || mentioned != activity.Recipient?.Id) continue;
            var mentionText = ActivityValidator.StringOf(entity, "text") ?? $"<at>{ActivityValidator.StringOf(entity["mentioned"], "name")}</at>";
            text = Regex.Replace(text, Regex.Escape(mentionText), string.Empty, RegexOptions.IgnoreCase);
        }

        return SpacePattern().Replace(text, " ").Trim();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering an activity failed; the user was sent an apology instead")]
    private static partial void LogAnswerFailed(ILogger logger, Exception exception);

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacePattern();
}
