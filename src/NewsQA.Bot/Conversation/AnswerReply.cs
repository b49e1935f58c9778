using System.Text.Json.Nodes;
using NewsQA.Bot.Schema;
using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Indexing;
using NewsQA.Core.Text;

namespace NewsQA.Bot.Conversation;

/// <summary>
/// The message that carries a final answer: its text ([n] markers; for Web Chat also the Markdown reference
/// definitions), each line's runs of the other script isolated (<see cref="BidiText"/>) and, for Web Chat, each line
/// a paragraph of its own (so that the page gives each its own direction); a first line in italics when it differs from
/// the text that was streamed; its confidence level (answered, closest, none) in the channel data; and with citations
/// the one citation entity with the AI label, feedback buttons and suggested follow-ups (open the first source;
/// summarize its article).
/// </summary>
public static partial class AnswerReply
{
    private static readonly string[] ArabicOrdinals = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"];
    private static readonly string[] EnglishOrdinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    /// <summary>
    /// The reply to <paramref name="incoming"/>; <paramref name="sourcePage"/> gives a citation's source page,
    /// <paramref name="change"/> what happened to a streamed answer at the end (<see cref="AnswerTexts.FinalChange"/>).
    /// </summary>
    public static Activity Create(Activity incoming, Answer answer, PassageIndex index, Func<Citation, Uri> sourcePage, string? change = null)
    {
        var reply = incoming.CreateReply();
        reply.TextFormat = "markdown";
        var webChat = BotChannels.IsWebChat(incoming.ChannelId);
        var text = BidiText.IsolateRuns(change is null ? answer.Text : $"_{change}_\n{answer.Text}");
        if (webChat) text = LinePattern().Replace(text, "\n\n");
        reply.Text = answer.Citations.Count > 0 && webChat ? $"{text}\n\n{CitationEntity.LinkDefinitions(answer)}" : text;
        // The answer's confidence level travels with it (its text says it to the reader: the closest passage is introduced as such).
        var confidence = answer.Confidence.ToString().ToLowerInvariant();
        reply.ChannelData = new JsonObject { ["confidence"] = confidence };
        if (answer.Citations.Count == 0) return reply;

        reply.Entities = [CitationEntity.Create(answer, incoming.ChannelId ?? string.Empty, sourcePage)];
        reply.ChannelData = new JsonObject { ["feedbackLoop"] = new JsonObject { ["type"] = "default" }, ["confidence"] = confidence };
        reply.SuggestedActions = FollowUps(answer, [.. index.Documents.Select(d => d.DocumentId)]);
        return reply;
    }

    /// <summary>What a stream shows while the articles are searched, in the question's language.</summary>
    public static string Searching(string question) => LanguageDetector.DetectAnswerLanguage(question) == TextLanguage.Arabic
        ? "جارٍ البحث في المقالات…"
        : "Searching the articles…";

    // The summary is named by ordinal, which the summary resolver reads in both languages.
    private static SuggestedActions FollowUps(Answer answer, List<string> documents)
    {
        var arabic = answer.Language == TextLanguage.Arabic;
        var show = arabic ? "المصدر 1" : "show 1";
        var actions = new List<CardAction> { new("imBack", show, show) };
        var ordinal = documents.IndexOf(answer.Citations[0].Passage.DocumentId);
        if (answer.Kind == AnswerKind.Factoid && ordinal is >= 0 and < 10)
        {
            var summary = arabic ? $"لخص المقال {ArabicOrdinals[ordinal]}" : $"Summarize the {EnglishOrdinals[ordinal]} article";
            actions.Add(new CardAction("imBack", summary, summary));
        }

        return new SuggestedActions(actions);
    }

    // A single line break inside the text (Markdown would join the lines into one paragraph).
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\n)\n(?!\n)")]
    private static partial System.Text.RegularExpressions.Regex LinePattern();
}
