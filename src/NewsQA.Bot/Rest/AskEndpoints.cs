using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsQA.Bot.Cluster;
using NewsQA.Bot.Conversation;
using NewsQA.Bot.DirectLine;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Watching;
using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Payloads;
using NewsQA.Core.Cluster;
using NewsQA.Core.Conversations;
using NewsQA.Core.Text;

namespace NewsQA.Bot.Rest;

/// <summary>
/// The REST API: POST /api/ask returns the `newsqa ask --json` shape; POST /api/ask/stream sends it as server-sent
/// events: status (before the search starts), delta with each new piece of the text as a model writes it, then the
/// validated answer, then done; GET /healthz tells whether the index is loaded, how many changed files wait to be
/// applied, and the process's memory: its working set, its managed heap at the last collection, and what the
/// conversations hold (as their stores estimate it). A conversationId names a conversation of the REST API only (see <see cref="ConversationKeys"/>).
/// </summary>
public static partial class AskEndpoints
{
    public static IEndpointRouteBuilder MapAsk(this IEndpointRouteBuilder routes)
    {
        var ask = routes.MapGroup("/api/ask");
        ask.MapPost("", AskAsync);
        ask.MapPost("/stream", StreamAsync);
        routes.MapGet("/healthz", Health);
        return routes;
    }

    public static async Task<Results<Ok<AnswerPayload>, ProblemHttpResult>> AskAsync(
        HttpRequest request, AnswerService answers, IndexHolder index, TurnHandler turns, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<AskRequest>(request, ct);
        problem ??= ConversationIdProblem(body!);
        if (problem is not null) return problem;
        using var lease = index.TryAcquire();
        if (lease is null) return NotReady();
        var answer = await InConversationAsync(body!, turns, (conversation, token) => answers.AskAsync(lease.Index, body!.Question ?? string.Empty, conversation, token), ct);
        return TypedResults.Ok(AnswerPayload.From(answer));
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> StreamAsync(
        HttpContext context, AnswerService answers, IndexHolder index, TurnHandler turns, ILoggerFactory loggers, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<AskRequest>(context.Request, ct);
        problem ??= ConversationIdProblem(body!);
        if (problem is not null) return problem;
        using var lease = index.TryAcquire(); // the stream reads one snapshot, however many commits land meanwhile
        if (lease is null) return NotReady();

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await WriteEventAsync(context, "status", new { state = "searching" }, ct);
        var question = body!.Question ?? string.Empty;
        var shown = string.Empty;
        Answer answer;
        try
        {
            // The text is sent as it is written; the answer once its turn is saved.
            answer = await InConversationAsync(body, turns, async (conversation, token) =>
            {
                Answer? final = null;
                await foreach (var update in answers.AskStreamingAsync(lease.Index, question, conversation, token))
                {
                    if (update.Final is { } done)
                    {
                        final = done;
                    }
                    else if (update.Text.Length > shown.Length && update.Text.StartsWith(shown, StringComparison.Ordinal))
                    {
                        // Updates are cumulative and only grow; a delta is what this one adds.
                        await WriteEventAsync(context, "delta", new { text = update.Text[shown.Length..] }, token);
                        shown = update.Text;
                    }
                }

                return final!;
            }, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is not OutOfMemoryException)
        {
            // The status is sent: a stream that fails ends as every stream does, with an answer (the apology) and done.
            LogStreamFailed(loggers.CreateLogger(typeof(AskEndpoints).FullName!), e);
            answer = Apology(question);
        }

        await WriteEventAsync(context, "answer", AnswerPayload.From(answer), ct);
        await WriteEventAsync(context, "done", new { }, ct);
        return TypedResults.Empty;
    }

    public static Results<Ok<HealthReport>, JsonHttpResult<HealthReport>> Health(
        IndexHolder index, CorpusWatcher watcher, IConversationStore conversations, IDirectLineStore directLine, IOptions<ClusterOptions> cluster)
    {
        using var lease = index.TryAcquire();
        var role = cluster.Value.Clustered ? cluster.Value.Role.ToString() : null;
        return lease is null
            ? TypedResults.Json(new HealthReport("loading") { Role = role }, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(new HealthReport("ready", lease.Index.ArticleCount, lease.Index.Count, watcher.Pending, Environment.WorkingSet)
            {
                ManagedHeapBytes = GC.GetGCMemoryInfo().HeapSizeBytes,
                ConversationBytes = conversations.Bytes + directLine.Bytes,
                Role = role,
                Revision = role is null ? null : ClusterHealth.Revision(lease.Index),
            });
    }

    // The REST API's conversations are its own: the id a caller names is a key in the REST namespace only, so it can
    // never read or change a Teams or web chat conversation, whatever it looks like. Without one, nothing is kept.
    private static async Task<Answer> InConversationAsync(AskRequest body, TurnHandler turns, Func<Core.Conversations.Conversation?, CancellationToken, Task<Answer>> ask, CancellationToken ct) =>
        body.ConversationId is { Length: > 0 } id
            ? (await turns.RunAsync(ConversationKeys.Rest(id), null, (conversation, token) => ask(conversation, token), ct)).Result!
            : await ask(null, ct);

    private static ProblemHttpResult? ConversationIdProblem(AskRequest body) =>
        body.ConversationId is { Length: > AskRequest.MaxConversationIdChars }
            ? Problems.BadRequest($"conversationId is longer than {AskRequest.MaxConversationIdChars} characters.")
            : null;

    private static Answer Apology(string question) =>
        new(question, question, LanguageDetector.DetectAnswerLanguage(question), ActivityResponder.ApologyText, false, AnswerMode.Local, AnswerKind.Help, [], 0);

    private static ProblemHttpResult NotReady() => Problems.IndexLoading();

    private static async Task WriteEventAsync<T>(HttpContext context, string name, T data, CancellationToken ct)
    {
        await context.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, JsonBody.Options)}\n\n", ct);
        await context.Response.Body.FlushAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering an event stream failed; it ended with an apology")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception);
}
