using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using NewsQA.Core.Answering.Generators;
using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Answering.Summaries;
using NewsQA.Core.Configuration;
using NewsQA.Core.Conversations;
using NewsQA.Core.Indexing;
using NewsQA.Core.Providers;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Telemetry;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering;

/// <summary>
/// Answers a message in its conversation: source commands, summaries and factoid questions; follow-ups are read as
/// standalone questions first. The <see cref="IAnswerGenerator"/> chosen at start-up writes the answer from the
/// retrieved passages, offline or by a language model. Every model call an answer makes (the follow-up reading, the
/// query rewrite, the answer) runs within one <see cref="ModelDeadline"/>; retrieval runs on the caller's time. Every
/// host calls this service; those that show answers as they are written read <see cref="AskStreamingAsync"/>.
/// </summary>
public sealed class AnswerService(
    HybridRetriever retriever,
    QueryBuilder queries,
    IAnswerGenerator generator,
    SummaryTargetResolver summaryTargets,
    NewsTimeline timeline,
    IOptions<AnsweringOptions> answering,
    IOptions<RetrievalOptions> retrieval,
    IOptions<AIOptions> ai,
    TimeProvider clock)
{
    // The previous question's words, all together, weigh half as much as the follow-up's own.
    private const double CarriedContextShare = 0.5;

    /// <summary>Whether answers arrive as text before the final answer (a language model is configured).</summary>
    public bool StreamsAnswers => generator.Streams;

    /// <summary>A new conversation that keeps Answering:HistoryTurns turns for follow-ups.</summary>
    public Conversation StartConversation(string id) => new(id, answering.Value.HistoryTurns, clock.GetUtcNow());

    /// <summary>Answers one message and records the turn in the conversation, if one is given.</summary>
    public async Task<Answer> AskAsync(PassageIndex index, string message, Conversation? conversation = null, CancellationToken cancellationToken = default)
    {
        Answer? final = null;
        await foreach (var update in AskStreamingAsync(index, message, conversation, cancellationToken).ConfigureAwait(false)) final = update.Final ?? final;
        return final!;
    }

    /// <summary>
    /// The answer as it is written: zero or more updates with the text so far, then one with the final answer, which
    /// is recorded in the conversation.
    /// </summary>
    public async IAsyncEnumerable<AnswerUpdate> AskStreamingAsync(
        PassageIndex index, string message, Conversation? conversation = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        using var activity = NewsQATelemetry.Source.StartActivity("answer");
        Answer? final = null;
        var updates = AnswerAsync(index, message ?? string.Empty, conversation, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                // An iterator resumes in its reader's context, without this span: it is made current again for each
                // step, so the spans of retrieval, the model call and validation nest under it.
                if (activity is not null) Activity.Current = activity;
                if (!await updates.MoveNextAsync().ConfigureAwait(false)) break;
                var update = updates.Current.Final is { } done ? AnswerUpdate.Of(final = WithArticles(done, index)) : updates.Current;
                yield return update;
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
        }

        if (final is null) yield break;
        // A caller gone mid-answer was answered offline (the model's time ran out with it); it gets nothing, and the turn is not kept.
        cancellationToken.ThrowIfCancellationRequested();
        if (final.Kind != AnswerKind.Help) conversation?.Add(new ConversationTurn(final.Question, final.StandaloneQuestion, final), clock.GetUtcNow());
        Record(activity, final, clock.GetElapsedTime(started));
    }

    private async IAsyncEnumerable<AnswerUpdate> AnswerAsync(PassageIndex index, string message, Conversation? conversation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var language = LanguageDetector.DetectAnswerLanguage(message);
        var limit = retrieval.Value.MaxQuestionChars;
        var (intent, marker) = IntentDetector.Detect(message);
        if (string.IsNullOrWhiteSpace(message) || message.Length > limit || intent == QuestionIntent.ShowSource)
        {
            yield return AnswerUpdate.Of(
                string.IsNullOrWhiteSpace(message) ? Help(message, language, AnswerTexts.EmptyQuestion(language))
                : message.Length > limit ? Help(message, language, AnswerTexts.TooLong(language, message.Length, limit))
                // "show 2" is in no language of its own: the source is labelled in the language the conversation is in.
                : SourceViewer.Show(index, message, conversation?.Last?.Answer.Language ?? language, marker, conversation));
            yield break;
        }

        using var deadline = new ModelDeadline(TimeSpan.FromSeconds(ai.Value.TimeoutSeconds), clock, cancellationToken);
        var standalone = await generator.CondenseAsync(message, conversation, deadline.Token).ConfigureAwait(false);
        if (intent == QuestionIntent.Summary)
        {
            var scope = await summaryTargets.ResolveAsync(index, standalone.Text, cancellationToken).ConfigureAwait(false);
            await foreach (var update in generator.SummarizeAsync(new SummaryRequest(message, standalone.Text, language, scope) { Deadline = deadline }, deadline.Token).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        RetrievalQuery query;
        if (standalone.CarriedContext is { } carried)
        {
            // A follow-up's own words choose the sentence; the carried question only keeps retrieval on topic.
            var own = await queries.BuildAsync(index, message, deadline.Token).ConfigureAwait(false);
            var context = await queries.BuildAsync(index, carried, deadline.Token).ConfigureAwait(false);
            query = own.With(context, CarriedContextShare, standalone.Text);
        }
        else
        {
            query = await queries.BuildAsync(index, standalone.Text, deadline.Token).ConfigureAwait(false);
        }

        // A timeline draws on as many passages as a topic summary; without a dated point it is answered as a factoid.
        var settings = answering.Value;
        var wantsTimeline = intent == QuestionIntent.Timeline;
        var hits = await retriever.SearchAsync(index, query, wantsTimeline ? Math.Max(settings.SummaryPassages, settings.Passages) : settings.Passages, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (wantsTimeline)
        {
            if (timeline.Compose(message, standalone.Text, language, index, query, hits) is { } dated)
            {
                yield return AnswerUpdate.Of(dated);
                yield break;
            }

            hits = [.. hits.Take(settings.Passages)];
        }

        // A follow-up is read against the answer it follows: its cited sentence and article are searched first.
        var previous = standalone.CarriedContext is null ? null : FollowUpCondenser.PreviousTurn(conversation)?.Answer;
        await foreach (var update in generator.AnswerAsync(new AnswerRequest(message, standalone.Text, language, index, query, hits) { Deadline = deadline, Previous = previous }, deadline.Token).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    // Every surface shows a citation's outlet, date and link from the article's record, as of the snapshot answered from.
    private static Answer WithArticles(Answer answer, PassageIndex index) => answer.Citations.Count == 0 ? answer : answer with
    {
        Citations = [.. answer.Citations.Select(c => c with { Article = index.FindArticle(c.Passage.DocumentId) })],
    };

    private static void Record(Activity? activity, Answer answer, TimeSpan elapsed)
    {
        var mode = answer.Mode == AnswerMode.Llm ? "llm" : "local";
        var kind = answer.Kind.ToString().ToLowerInvariant();
        var tags = new TagList { { NewsQATelemetry.ModeTag, mode }, { NewsQATelemetry.KindTag, kind }, { NewsQATelemetry.LanguageTag, answer.LanguageCode } };
        NewsQATelemetry.Answers.Add(1, tags);
        if (answer.Kind == AnswerKind.Refusal) NewsQATelemetry.Refusals.Add(1, tags);
        NewsQATelemetry.AnswerDuration.Record(elapsed.TotalSeconds, tags);
        activity?.SetTag(NewsQATelemetry.ModeTag, mode);
        activity?.SetTag(NewsQATelemetry.KindTag, kind);
        activity?.SetTag(NewsQATelemetry.LanguageTag, answer.LanguageCode);
        activity?.SetTag(NewsQATelemetry.RefusalTag, answer.Kind == AnswerKind.Refusal);
        activity?.SetTag(NewsQATelemetry.CitationsTag, answer.Citations.Count);
    }

    private static Answer Help(string message, TextLanguage language, string text) =>
        new(message, message, language, text, false, AnswerMode.Local, AnswerKind.Help, [], 0);
}
