using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using NewsQA.Core.Configuration;
using NewsQA.Core.Conversations;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Prompts;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering;

/// <summary>
/// The language-model generator: the prompt files run through Semantic Kernel, the answer streamed as the model writes
/// it (markers checked as it goes), the final reply checked claim by claim against what it cites
/// (<see cref="ClaimVerifier"/>) and its citations validated by <see cref="CitationValidator"/>. A reply left with
/// nothing supported and validly cited, or in the wrong language, is asked for once more and then replaced by the
/// offline answer; a provider failure also falls back, so a flaky provider never leaves the user without an answer.
/// </summary>
public sealed partial class ModelAnswerGenerator(
    Kernel kernel, PromptFunctions prompts, LocalAnswerGenerator offline, ClaimVerifier claims, IOptions<PromptOptions> options, ILogger<ModelAnswerGenerator> logger) : IAnswerGenerator
{
    public const string NotFound = "NOT_FOUND";

    public bool Streams => true;

    public async Task<StandaloneQuestion> CondenseAsync(string message, Conversation? conversation, CancellationToken cancellationToken)
    {
        var turns = conversation?.Turns ?? [];
        if (turns.Count == 0) return new StandaloneQuestion(message);
        var history = string.Join('\n', turns.Select(t => $"User: {t.Question}\nAssistant: {PromptBudget.Truncate(t.Answer.Text, options.Value.MaxHistoryAnswerTokens)}"));
        var reply = await CompleteAsync(PromptNames.Condense, new() { ["question"] = message, ["history"] = history }, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(reply)
            ? await offline.CondenseAsync(message, conversation, cancellationToken).ConfigureAwait(false)
            : new StandaloneQuestion(reply.Trim());
    }

    public async IAsyncEnumerable<AnswerUpdate> AnswerAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var fallback = offline.Answer(request);
        var passages = WithinBudget([.. request.Hits.Select(h => h.Passage)]);
        if (passages.Count == 0)
        {
            yield return AnswerUpdate.Of(fallback);
            yield break;
        }

        var arguments = new KernelArguments { ["question"] = request.Standalone, ["language"] = LanguageName(request.Language), ["passages"] = Numbered(passages, dateOf: d => request.Index.FindArticle(d)?.Published) };
        Answer Accept(string reply) => reply.Trim().Trim('.').Equals(NotFound, StringComparison.OrdinalIgnoreCase)
            ? LocalAnswerer.Refusal(request.Message, request.Standalone, request.Language, fallback.Evidence, AnswerMode.Llm)
            : Grounded(reply, passages, request.Message, request.Standalone, request.Language, AnswerKind.Factoid, fallback.Evidence) ?? fallback;

        var stream = new StreamingAnswerText(passages.Count);
        await foreach (var shown in StreamAsync(PromptNames.Answer, arguments, stream, cancellationToken).ConfigureAwait(false)) yield return new AnswerUpdate(shown);
        var answer = stream.Failed ? fallback : Accept(stream.Written);
        if (ReferenceEquals(answer, fallback) && !stream.Failed)
        {
            LogUngrounded(logger);
            // The user has seen the first attempt; the second is not streamed, and whichever answer holds replaces it.
            var second = await CompleteAsync(PromptNames.Answer, arguments, cancellationToken).ConfigureAwait(false);
            if (second is not null) answer = Accept(second);
        }

        yield return AnswerUpdate.Of(answer);
    }

    public async IAsyncEnumerable<AnswerUpdate> SummarizeAsync(SummaryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var fallback = offline.Summarize(request);
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
                var note = await CompleteAsync(PromptNames.Summarize, new(arguments) { ["passages"] = Numbered(part, start + 1, DateOf(request.Scope)) }, cancellationToken).ConfigureAwait(false);
                if (note is null)
                {
                    yield return AnswerUpdate.Of(fallback);
                    yield break;
                }

                notes.Add(note);
                start += part.Count;
            }

            arguments["notes"] = string.Join('\n', notes);
        }
        else
        {
            arguments["passages"] = Numbered(passages, dateOf: DateOf(request.Scope));
        }

        var stream = new StreamingAnswerText(passages.Count);
        await foreach (var shown in StreamAsync(PromptNames.Summarize, arguments, stream, cancellationToken).ConfigureAwait(false)) yield return new AnswerUpdate(shown);
        yield return AnswerUpdate.Of((stream.Failed ? null : Grounded(stream.Written, passages, request.Message, request.Standalone, request.Language, AnswerKind.Summary, 1)) ?? fallback);
    }

    // The single place a model's final text becomes an answer: only the sentences its citations support, citations
    // validated, in the question's language.
    private Answer? Grounded(string reply, IReadOnlyList<Passage> passages, string message, string standalone, TextLanguage language, AnswerKind kind, double evidence)
    {
        var (text, citations) = CitationValidator.Validate(claims.KeepSupported(reply, passages), passages);
        return citations.Count > 0 && InLanguage(text, language)
            ? new Answer(message, standalone, language, text, true, AnswerMode.Llm, kind, citations, evidence)
            : null;
    }

    // Yields what may be shown after each piece; a provider failure ends the stream (and the caller falls back).
    private async IAsyncEnumerable<string> StreamAsync(string prompt, KernelArguments arguments, StreamingAnswerText stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pieces = prompts.InvokeStreamingAsync(kernel, prompt, arguments, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await pieces.MoveNextAsync().ConfigureAwait(false)) break;
                }
                catch (Exception e) when (IsProviderFailure(e, cancellationToken))
                {
                    LogProviderFailed(logger, prompt, e.Message);
                    stream.Fail();
                    break;
                }

                if (stream.Append(pieces.Current) is { } shown) yield return shown;
            }
        }
        finally
        {
            await pieces.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<string?> CompleteAsync(string prompt, KernelArguments arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await prompts.InvokeAsync(kernel, prompt, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsProviderFailure(e, cancellationToken))
        {
            LogProviderFailed(logger, prompt, e.Message);
            return null;
        }
    }

    private static bool IsProviderFailure(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or ClientResultException or TimeoutException or KernelException or Polly.ExecutionRejectedException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

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

    // Each passage's header gives its article's date when there is one, so the model can say when what it quotes was published.
    private string Numbered(IReadOnlyList<Passage> passages, int first = 1, Func<string, DateTimeOffset?>? dateOf = null) =>
        string.Join("\n\n", passages.Select((p, i) => $"[{first + i}] {p.Title} (paragraph {p.Paragraph}{Published(p, dateOf)})\n{PromptBudget.Truncate(p.Text, options.Value.MaxPassageTokens)}"));

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model failed on prompt {Prompt}: {Reason}; using the offline answer")]
    private static partial void LogProviderFailed(ILogger logger, string prompt, string reason);
}
