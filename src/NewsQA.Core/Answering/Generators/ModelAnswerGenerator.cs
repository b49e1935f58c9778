using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Answering.Summaries;
using NewsQA.Core.Configuration;
using NewsQA.Core.Conversations;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Prompts;
using NewsQA.Core.Providers;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Generators;

/// <summary>
/// The language-model generator: the prompt files run through Semantic Kernel, the answer streamed as the model writes
/// it (markers checked as it goes, the reply read up to AI:MaxAnswerChars), the final reply checked claim by claim
/// against what it cites (<see cref="ClaimVerifier"/>), its citations validated by <see cref="CitationValidator"/>, and
/// its level and leading bold held to the offline rules (<see cref="ModelAnswerLevel"/>).
/// A reply left with nothing supported and validly cited, or in the wrong language, is asked for once more; when that
/// holds nothing either, the answer ends without a final one. Provider failures are thrown as they come. Both are the
/// cue for <see cref="FallbackAnswerGenerator"/>, which wraps this generator at start-up, to answer offline. Each
/// prompt runs within the answer's <see cref="ModelDeadline"/>, and none starts when too little of it is left.
/// </summary>
public sealed partial class ModelAnswerGenerator(
    Kernel kernel, PromptFunctions prompts, ClaimVerifier claims, ModelAnswerLevel levels, IOptions<PromptOptions> options, IOptions<AIOptions> ai, ILogger<ModelAnswerGenerator> logger) : IAnswerGenerator
{
    public const string NotFound = "NOT_FOUND";

    public bool Streams => true;

    /// <summary>The standalone question the model reads from the conversation; empty when it wrote none.</summary>
    public async Task<StandaloneQuestion> CondenseAsync(string message, Conversation? conversation, CancellationToken cancellationToken)
    {
        var turns = conversation?.Turns ?? [];
        if (turns.Count == 0) return new StandaloneQuestion(message);
        var history = string.Join('\n', turns.Select(t => $"User: {t.Question}\nAssistant: {PromptBudget.Truncate(t.Answer.Text, options.Value.MaxHistoryAnswerTokens)}"));
        var reply = await CompleteAsync(PromptNames.Condense, new() { ["question"] = message, ["history"] = history }, null, cancellationToken).ConfigureAwait(false);
        return new StandaloneQuestion(reply.Capped ? string.Empty : reply.Text.Trim());
    }

    public async IAsyncEnumerable<AnswerUpdate> AnswerAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var passages = WithinBudget([.. request.Hits.Select(h => h.Passage)]);
        if (passages.Count == 0) yield break; // nothing to give the model

        var arguments = new KernelArguments { ["question"] = request.Standalone, ["language"] = LanguageName(request.Language), ["passages"] = Numbered(passages, dateOf: d => request.Index.FindArticle(d)?.Published) };
        var stream = new StreamingAnswerText(passages.Count, ai.Value.MaxAnswerChars);
        await foreach (var shown in StreamAsync(PromptNames.Answer, arguments, stream, request.Deadline, cancellationToken).ConfigureAwait(false)) yield return new AnswerUpdate(shown);
        var answer = Accept(request, passages, Reply.Of(stream));
        if (answer is null)
        {
            LogUngrounded(logger);
            // The user has seen the first attempt; the second is not shown as it is written, and whichever answer holds replaces it.
            answer = Accept(request, passages, await CompleteAsync(PromptNames.Answer, arguments, request.Deadline, cancellationToken).ConfigureAwait(false));
        }

        if (answer is not null) yield return AnswerUpdate.Of(answer);
    }

    public async IAsyncEnumerable<AnswerUpdate> SummarizeAsync(SummaryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var passages = request.Scope.Passages;
        var arguments = new KernelArguments { ["question"] = request.Standalone, ["language"] = LanguageName(request.Language), ["title"] = request.Scope.Title };
        var parts = Parts(passages);
        if (parts.Count > 1)
        {
            // Map: each part summarized on its own, numbered as in the whole; reduce: the notes merged (and streamed).
            var notes = new List<string>();
            var start = 0;
            foreach (var part in parts)
            {
                var note = await CompleteAsync(PromptNames.Summarize, new(arguments) { ["passages"] = Numbered(part, start + 1, DateOf(request.Scope)) }, request.Deadline, cancellationToken).ConfigureAwait(false);
                notes.Add(note.Text);
                start += part.Count;
            }

            arguments["notes"] = string.Join('\n', notes);
        }
        else
        {
            arguments["passages"] = Numbered(passages, dateOf: DateOf(request.Scope));
        }

        var stream = new StreamingAnswerText(passages.Count, ai.Value.MaxAnswerChars);
        await foreach (var shown in StreamAsync(PromptNames.Summarize, arguments, stream, request.Deadline, cancellationToken).ConfigureAwait(false)) yield return new AnswerUpdate(shown);
        var reply = Reply.Of(stream);
        if (Grounded(reply.Text, passages, request.Message, request.Standalone, request.Language, AnswerKind.Summary, 1) is { } summary) yield return AnswerUpdate.Of(Noted(summary, reply));
    }

    // A reply that is NOT_FOUND is the model's refusal; any other is kept when grounded (and null when not).
    private Answer? Accept(AnswerRequest request, IReadOnlyList<Passage> passages, Reply reply)
    {
        if (reply.Text.Trim().Trim('.').Equals(NotFound, StringComparison.OrdinalIgnoreCase))
        {
            return LocalAnswerer.Refusal(request.Message, request.Standalone, request.Language, Evidence(request), AnswerMode.Llm);
        }

        return Grounded(reply.Text, passages, request.Message, request.Standalone, request.Language, AnswerKind.Factoid, Evidence(request)) is { } answer
            ? Noted(levels.Apply(request, answer), reply)
            : null;
    }

    // How well the best sentence of the retrieved passages covers the question, as the offline answerer measures it.
    private static double Evidence(AnswerRequest request) =>
        SentenceScorer.Score(request.Index, request.Query, request.Standalone, request.Hits).FirstOrDefault()?.Coverage ?? 0;

    // The single place a model's final text becomes an answer: only the sentences its citations support, citations
    // validated, in the question's language.
    private Answer? Grounded(string reply, IReadOnlyList<Passage> passages, string message, string standalone, TextLanguage language, AnswerKind kind, double evidence)
    {
        var (text, citations) = CitationValidator.Validate(claims.KeepSupported(reply, passages), passages);
        return citations.Count > 0 && InLanguage(text, language)
            ? new Answer(message, standalone, language, text, true, AnswerMode.Llm, kind, citations, evidence)
            : null;
    }

    // A reply cut at the cap says so under what is left of it.
    private static Answer Noted(Answer answer, Reply reply) =>
        reply.Capped ? answer with { Text = $"{answer.Text}\n\n{ModelReplyCap.Note(answer.Language)}" } : answer;

    // Yields what may be shown after each piece, until the reply ends or reaches the cap; a provider failure is thrown.
    private async IAsyncEnumerable<string> StreamAsync(
        string prompt, KernelArguments arguments, StreamingAnswerText stream, ModelDeadline? deadline, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StartOrThrow(prompt, deadline);
        await foreach (var piece in prompts.InvokeStreamingAsync(kernel, prompt, arguments, cancellationToken).ConfigureAwait(false))
        {
            if (stream.Append(piece) is { } shown) yield return shown;
            if (stream.Capped)
            {
                LogCapped(logger, prompt, ai.Value.MaxAnswerChars);
                yield break; // leaving the loop disposes the model's stream, which closes its connection
            }
        }
    }

    // A whole reply (read as a stream, so that it is capped as a streamed one is), shown to no one.
    private async Task<Reply> CompleteAsync(string prompt, KernelArguments arguments, ModelDeadline? deadline, CancellationToken cancellationToken)
    {
        var stream = new StreamingAnswerText(0, ai.Value.MaxAnswerChars);
        await foreach (var _ in StreamAsync(prompt, arguments, stream, deadline, cancellationToken).ConfigureAwait(false))
        {
        }

        return Reply.Of(stream);
    }

    private void StartOrThrow(string prompt, ModelDeadline? deadline)
    {
        if (deadline?.TooLateToStart != true) return;
        throw new TimeoutException($"Too little of the answer's AI:TimeoutSeconds ({ai.Value.TimeoutSeconds} s) is left to start the {prompt} prompt");
    }

    // The retrieved passages, best first, as many as the token budget holds (the first one cut to it if need be).
    private List<Passage> WithinBudget(List<Passage> passages)
    {
        var budget = options.Value.MaxPassageTokens;
        var kept = new List<Passage>();
        foreach (var passage in passages)
        {
            var tokens = PromptBudget.CountTokens(passage.Text);
            if (tokens > budget && kept.Count > 0) break;
            kept.Add(passage);
            budget -= tokens;
            if (budget <= 0) break;
        }

        return kept;
    }

    // Consecutive parts of at most MaxPassageTokens each (a passage longer than that is a part of its own).
    private List<List<Passage>> Parts(IReadOnlyList<Passage> passages)
    {
        var parts = new List<List<Passage>> { new() };
        var tokens = 0;
        foreach (var passage in passages)
        {
            var count = PromptBudget.CountTokens(passage.Text);
            if (parts[^1].Count > 0 && tokens + count > options.Value.MaxPassageTokens)
            {
                parts.Add([]);
                tokens = 0;
            }

            parts[^1].Add(passage);
            tokens += count;
        }

        return parts;
    }

    // Each passage's header gives its article's date when there is one, so the model can say when what it quotes was
    // published. The passages' own bracketed numbers are put in parentheses: the only [n] the model sees are the headers'.
    private string Numbered(IReadOnlyList<Passage> passages, int first = 1, Func<string, DateTimeOffset?>? dateOf = null) =>
        string.Join("\n\n", passages.Select((p, i) =>
            $"[{first + i}] {CitationLookalikes.Neutralize(p.Title)} (paragraph {p.Paragraph}{Published(p, dateOf)})\n{CitationLookalikes.Neutralize(PromptBudget.Truncate(p.Text, options.Value.MaxPassageTokens))}"));

    private static string Published(Passage passage, Func<string, DateTimeOffset?>? dateOf) =>
        dateOf?.Invoke(passage.DocumentId) is { } date ? $", published {date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}" : string.Empty;

    private static Func<string, DateTimeOffset?> DateOf(SummaryScope scope) => d => scope.Dates.TryGetValue(d, out var date) ? date : null;

    private static string LanguageName(TextLanguage language) => language == TextLanguage.Arabic ? "Arabic" : "English";

    // Quoted material and names may be in the other script; the answer's own words must be in the question's language.
    private static bool InLanguage(string text, TextLanguage language)
    {
        var detected = LanguageDetector.Detect(text);
        return detected is TextLanguage.Mixed or TextLanguage.Unknown || detected == language;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model's answer had no valid citation; asking once more")]
    private static partial void LogUngrounded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model's reply to prompt {Prompt} reached AI:MaxAnswerChars ({MaxChars}); it was read no further and cut")]
    private static partial void LogCapped(ILogger logger, string prompt, int maxChars);

    // A model's reply as read: its text (up to the cap), and whether it reached the cap.
    private readonly record struct Reply(string Text, bool Capped)
    {
        public static Reply Of(StreamingAnswerText stream) => stream.Capped ? new(ModelReplyCap.Cut(stream.Written), true) : new(stream.Written, false);
    }
}
