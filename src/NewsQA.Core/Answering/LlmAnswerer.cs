using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using NewsQA.Core.Conversations;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Prompts;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering;

/// <summary>
/// The language-model path: renders the prompt files, asks the configured <see cref="IChatClient"/>, and validates
/// citations. An answer left with no valid citation is retried once and then replaced by the offline answer; a
/// provider error also falls back, so a flaky provider never leaves the user without an answer.
/// </summary>
public sealed partial class LlmAnswerer(IChatClient chat, IPromptTemplateProvider prompts, ILogger<LlmAnswerer> logger)
{
    private const string NotFound = "NOT_FOUND";

    // Passages beyond this many characters are summarized in parts (map), then the parts merged (reduce).
    private const int MapReduceChars = 12_000;

    private const int HistoryAnswerChars = 400;

    /// <summary>A model answer over the hits, or <paramref name="fallback"/> when the model cannot give a grounded one.</summary>
    public async Task<Answer> AnswerAsync(string message, string standalone, TextLanguage language, IReadOnlyList<SearchHit> hits, Answer fallback, CancellationToken cancellationToken)
    {
        if (hits.Count == 0) return fallback;
        var passages = hits.Select(h => h.Passage).ToList();
        var variables = new Dictionary<string, object?>
        {
            ["question"] = standalone,
            ["language"] = LanguageName(language),
            ["passages"] = Numbered(passages),
        };

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var reply = await CompleteAsync(PromptNames.Answer, variables, cancellationToken).ConfigureAwait(false);
            if (reply is null) return fallback;
            if (reply.Trim().Trim('.').Equals(NotFound, StringComparison.OrdinalIgnoreCase))
            {
                return LocalAnswerer.Refusal(message, standalone, language, fallback.Evidence, AnswerMode.Llm);
            }

            var (text, citations) = CitationValidator.Validate(reply, passages);
            if (citations.Count > 0 && InLanguage(text, language))
            {
                return new Answer(message, standalone, language, text, true, AnswerMode.Llm, AnswerKind.Factoid, citations, fallback.Evidence);
            }

            LogUngrounded(logger, attempt);
        }

        return fallback;
    }

    /// <summary>A model summary of the scope (map-reduce when long), or the offline one.</summary>
    public async Task<Answer> SummarizeAsync(string message, string standalone, TextLanguage language, SummaryScope scope, Answer fallback, CancellationToken cancellationToken)
    {
        var passages = scope.Passages;
        var baseVariables = new Dictionary<string, object?>
        {
            ["question"] = standalone,
            ["language"] = LanguageName(language),
            ["title"] = scope.Title,
            ["notes"] = null,
        };

        string? reply;
        if (passages.Sum(p => p.Text.Length) <= MapReduceChars)
        {
            reply = await CompleteAsync(PromptNames.Summarize, new(baseVariables) { ["passages"] = Numbered(passages) }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var parts = new List<string>();
            foreach (var chunk in Chunks(passages))
            {
                var part = await CompleteAsync(PromptNames.Summarize, new(baseVariables) { ["passages"] = chunk }, cancellationToken).ConfigureAwait(false);
                if (part is null) return fallback;
                parts.Add(part);
            }

            reply = await CompleteAsync(PromptNames.Summarize, new(baseVariables) { ["passages"] = Array.Empty<object>(), ["notes"] = string.Join("\n", parts) }, cancellationToken).ConfigureAwait(false);
        }

        if (reply is null) return fallback;
        var (text, citations) = CitationValidator.Validate(reply, passages);
        return citations.Count > 0 && InLanguage(text, language)
            ? new Answer(message, standalone, language, text, true, AnswerMode.Llm, AnswerKind.Summary, citations, 1)
            : fallback;
    }

    /// <summary>The standalone form of a follow-up, by the condense prompt; the offline reading when the model fails.</summary>
    public async Task<string> CondenseAsync(string message, Conversation? conversation, CancellationToken cancellationToken)
    {
        var turns = conversation?.Turns ?? [];
        if (turns.Count == 0) return message;
        var history = turns.Select(t => new Dictionary<string, object?>
        {
            ["question"] = t.Question,
            ["answer"] = t.Answer.Text.Length > HistoryAnswerChars ? t.Answer.Text[..HistoryAnswerChars] + "…" : t.Answer.Text,
        }).ToList();
        var reply = await CompleteAsync(PromptNames.Condense, new Dictionary<string, object?> { ["question"] = message, ["history"] = history }, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(reply) ? FollowUpCondenser.Condense(message, conversation) : reply.Trim();
    }

    /// <summary>The question rewritten into the articles' language by the translate-query prompt, or null.</summary>
    public async Task<string?> TranslateQueryAsync(string question, TextLanguage target, CancellationToken cancellationToken)
    {
        var reply = await CompleteAsync(PromptNames.TranslateQuery, new Dictionary<string, object?> { ["question"] = question, ["target_language"] = LanguageName(target) }, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(reply) ? null : reply.Trim();
    }

    private async Task<string?> CompleteAsync(string prompt, Dictionary<string, object?> variables, CancellationToken cancellationToken)
    {
        var rendered = prompts.Render(prompt, variables);
        try
        {
            var response = await chat.GetResponseAsync(rendered.Messages, rendered.Options, cancellationToken).ConfigureAwait(false);
            return response.Text;
        }
        catch (Exception e) when (e is HttpRequestException or System.ClientModel.ClientResultException or TimeoutException
                                     || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogProviderFailed(logger, prompt, e.Message);
            return null;
        }
    }

    private static List<Dictionary<string, object?>> Numbered(IReadOnlyList<Passage> passages, int first = 1) =>
        [.. passages.Select((p, i) => new Dictionary<string, object?>
        {
            ["number"] = first + i,
            ["title"] = p.Title,
            ["paragraph"] = p.Paragraph,
            ["text"] = p.Text,
        })];

    private static IEnumerable<List<Dictionary<string, object?>>> Chunks(IReadOnlyList<Passage> passages)
    {
        var start = 0;
        while (start < passages.Count)
        {
            var length = 0;
            var end = start;
            while (end < passages.Count && (end == start || length + passages[end].Text.Length <= MapReduceChars)) length += passages[end++].Text.Length;
            yield return Numbered([.. passages.Skip(start).Take(end - start)], start + 1);
            start = end;
        }
    }

    private static string LanguageName(TextLanguage language) => language == TextLanguage.Arabic ? "Arabic" : "English";

    // Quoted material and names may be in the other script; the answer's own words must be in the question's language.
    private static bool InLanguage(string text, TextLanguage language)
    {
        var detected = LanguageDetector.Detect(text);
        return detected is TextLanguage.Mixed or TextLanguage.Unknown || detected == language;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model's answer had no valid citation (attempt {Attempt})")]
    private static partial void LogUngrounded(ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model failed on prompt {Prompt}: {Reason}; using the offline answer")]
    private static partial void LogProviderFailed(ILogger logger, string prompt, string reason);
}
