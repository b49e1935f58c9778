using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Conversations;
using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering;

/// <summary>
/// Answers a message in its conversation: source commands, summaries and factoid questions; follow-ups are condensed
/// to standalone questions first. With a language model configured the model writes the answer from the retrieved
/// passages (and falls back to the offline answerer when its citations do not hold); without one, the offline path
/// answers. Every host calls this one method.
/// </summary>
public sealed class AnswerService(
    HybridRetriever retriever,
    QueryBuilder queries,
    LocalAnswerer localAnswerer,
    ExtractiveSummarizer summarizer,
    SummaryTargetResolver summaryTargets,
    IOptions<AnsweringOptions> answering,
    IOptions<RetrievalOptions> retrieval,
    TimeProvider clock,
    LlmAnswerer? llm = null)
{
    // The previous question's words, all together, weigh half as much as the follow-up's own.
    private const double CarriedContextShare = 0.5;

    /// <summary>Answers one message and records the turn in the conversation, if one is given.</summary>
    public async Task<Answer> AskAsync(PassageIndex index, string message, Conversation? conversation = null, CancellationToken cancellationToken = default)
    {
        var answer = await AnswerAsync(index, message ?? string.Empty, conversation, cancellationToken).ConfigureAwait(false);
        if (answer.Kind != AnswerKind.Help) conversation?.Add(new ConversationTurn(answer.Question, answer.StandaloneQuestion, answer), clock.GetUtcNow());
        return answer;
    }

    private async Task<Answer> AnswerAsync(PassageIndex index, string message, Conversation? conversation, CancellationToken cancellationToken)
    {
        var language = LanguageDetector.DetectAnswerLanguage(message);
        if (string.IsNullOrWhiteSpace(message)) return Help(message, language, AnswerTexts.EmptyQuestion(language));
        var limit = retrieval.Value.MaxQuestionChars;
        if (message.Length > limit) return Help(message, language, AnswerTexts.TooLong(language, message.Length, limit));

        var (intent, marker) = IntentDetector.Detect(message);
        if (intent == QuestionIntent.ShowSource)
        {
            // "show 2" is in no language of its own: the source is labelled in the language the conversation is in.
            return SourceViewer.Show(index, message, conversation?.Last?.Answer.Language ?? language, marker, conversation);
        }

        var standalone = llm is not null
            ? await llm.CondenseAsync(message, conversation, cancellationToken).ConfigureAwait(false)
            : FollowUpCondenser.Condense(message, conversation);

        if (intent == QuestionIntent.Summary)
        {
            var scope = await summaryTargets.ResolveAsync(index, standalone, cancellationToken).ConfigureAwait(false);
            var local = summarizer.Summarize(message, standalone, language, scope);
            return llm is null ? local : await llm.SummarizeAsync(message, standalone, language, scope, local, cancellationToken).ConfigureAwait(false);
        }

        RetrievalQuery query;
        if (llm is null && FollowUpCondenser.CarriedContext(message, conversation) is { } carried)
        {
            // Offline, a follow-up's own words choose the sentence; the carried question only keeps retrieval on topic.
            var own = await queries.BuildAsync(index, message, cancellationToken).ConfigureAwait(false);
            var context = await queries.BuildAsync(index, carried, cancellationToken).ConfigureAwait(false);
            query = own.With(context, CarriedContextShare, standalone);
        }
        else
        {
            query = await queries.BuildAsync(index, standalone, cancellationToken).ConfigureAwait(false);
        }

        var hits = await retriever.SearchAsync(index, query, answering.Value.Passages, cancellationToken: cancellationToken).ConfigureAwait(false);
        var offline = localAnswerer.Answer(message, standalone, language, index, query, hits);
        return llm is null ? offline : await llm.AnswerAsync(message, standalone, language, hits, offline, cancellationToken).ConfigureAwait(false);
    }

    private static Answer Help(string message, TextLanguage language, string text) =>
        new(message, message, language, text, false, AnswerMode.Local, AnswerKind.Help, [], 0);
}
