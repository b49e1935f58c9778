using System.Text.Json;
using NewsQA.Bot.Conversation;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Watching;
using NewsQA.Core.Answering;
using NewsQA.Core.Conversations;
using NewsQA.Core.Text;

namespace NewsQA.Bot.Rest;

/// <summary>
/// The REST API: POST /api/ask returns the `newsqa ask --json` shape; POST /api/ask/stream sends it as server-sent
/// events: status (before the search starts), delta with each new piece of the text as a model writes it, then the
/// validated answer, then done; GET /healthz tells whether the index is loaded, and how many changed files wait to be
/// applied. A conversationId names a conversation of the REST API only (see <see cref="ConversationKeys"/>).
/// </summary>
public static partial class AskEndpoints
{
    public static IEndpointRouteBuilder MapAsk(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/ask", async (HttpRequest request, AnswerService answers, IndexHolder index, ConversationStore conversations, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<AskRequest>(request, ct);
            problem ??= ConversationIdProblem(body!);
            if (problem is not null) return problem;
            if (index.Current is null) return NotReady();
            var conversation = Conversation(body!, conversations);
            var answer = await answers.AskAsync(index.Current, body!.Question ?? string.Empty, conversation, ct);
            return Results.Json(AnswerPayload.From(answer), JsonBody.Options);
        });

        routes.MapPost("/api/ask/stream", async (HttpContext context, AnswerService answers, IndexHolder index, ConversationStore conversations, ILoggerFactory loggers, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<AskRequest>(context.Request, ct);
            problem ??= ConversationIdProblem(body!);
            if (problem is not null)
            {
                await problem.ExecuteAsync(context);
                return;
            }

            if (index.Current is null)
            {
                await NotReady().ExecuteAsync(context);
                return;
            }

            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            await WriteEventAsync(context, "status", new { state = "searching" }, ct);
            var conversation = Conversation(body!, conversations);
            var question = body!.Question ?? string.Empty;
            var shown = string.Empty;
            var answered = false;
            try
            {
                await foreach (var update in answers.AskStreamingAsync(index.Current, question, conversation, ct))
                {
                    if (update.Final is { } answer)
                    {
                        await WriteEventAsync(context, "answer", AnswerPayload.From(answer), ct);
                        answered = true;
                    }
                    else if (update.Text.Length > shown.Length)
                    {
                        // Updates are cumulative and only grow; a delta is what this one adds.
                        await WriteEventAsync(context, "delta", new { text = update.Text[shown.Length..] }, ct);
                        shown = update.Text;
                    }
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is not OutOfMemoryException)
            {
                // The status is sent: a stream that fails ends as every stream does, with an answer (the apology) and done.
                LogStreamFailed(loggers.CreateLogger(typeof(AskEndpoints).FullName!), e);
                if (!answered) await WriteEventAsync(context, "answer", AnswerPayload.From(Apology(question)), ct);
            }

            await WriteEventAsync(context, "done", new { }, ct);
        });

        routes.MapGet("/healthz", (IndexHolder index, CorpusWatcher watcher) => index.Current is { } current
            ? Results.Ok(new { status = "ready", documents = current.Documents.Count, passages = current.Count, pendingChanges = watcher.Pending, workingSetBytes = Environment.WorkingSet })
            : Results.Json(new { status = "loading" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        return routes;
    }

    // The REST API's conversations are its own: the id a caller names is a key in the REST namespace only, so it can
    // never read or change a Teams or web chat conversation, whatever it looks like.
    private static Core.Conversations.Conversation? Conversation(AskRequest body, ConversationStore conversations) =>
        body.ConversationId is { Length: > 0 } id ? conversations.GetOrCreate(ConversationKeys.Rest(id)) : null;

    private static IResult? ConversationIdProblem(AskRequest body) =>
        body.ConversationId is { Length: > AskRequest.MaxConversationIdChars }
            ? JsonBody.BadRequest($"conversationId is longer than {AskRequest.MaxConversationIdChars} characters.")
            : null;

    private static Answer Apology(string question) =>
        new(question, question, LanguageDetector.DetectAnswerLanguage(question), ActivityResponder.ApologyText, false, AnswerMode.Local, AnswerKind.Help, [], 0);

    private static IResult NotReady() =>
        Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Index loading", detail: "The articles are still being indexed; try again in a moment.");

    private static async Task WriteEventAsync<T>(HttpContext context, string name, T data, CancellationToken ct)
    {
        await context.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, JsonBody.Options)}\n\n", ct);
        await context.Response.Body.FlushAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering an event stream failed; it ended with an apology")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception);
}
