using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsQA.Bot.Conversation;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;
using static NewsQA.Bot.DirectLine.DirectLineAccess;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// The part of Direct Line 3.0 that botframework-directlinejs (and so Web Chat) uses, served by NewsQA itself:
/// start and reconnect, post (the user's activity is echoed with an id, then the bot's replies follow), polling by
/// watermark (a bounded page at a time), the WebSocket stream, and token refresh. POST /api/directline/token gives the
/// page its token. A token opens exactly one conversation: any other gets 403; a conversation that has ended stays
/// ended (404), whatever token is shown for it. Bodies are read after the token is checked, so a caller without one
/// gets 401 before anything it sent is read.
/// </summary>
public static class DirectLineEndpoints
{
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/directline/token", IssueToken);
        var directLine = routes.MapGroup(SourceLinks.DirectLinePrefix);
        directLine.MapPost("/conversations", StartAsync);
        directLine.MapGet("/conversations/{id}", ReconnectAsync);
        directLine.MapPost("/conversations/{id}/activities", PostActivityAsync);
        directLine.MapGet("/conversations/{id}/activities", ActivitiesAsync);
        directLine.Map("/conversations/{id}/stream", StreamAsync);
        directLine.MapPost("/tokens/refresh", RefreshAsync);
        return routes;
    }

    public static Ok<DirectLineSession> IssueToken(DirectLineTokens tokens)
    {
        var conversationId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var userId = "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var issued = tokens.Issue(conversationId, userId, DirectLineTokenUse.Start);
        return TypedResults.Ok(new DirectLineSession(conversationId, issued.Token, issued.ExpiresIn) { UserId = userId });
    }

    public static async Task<Results<Created<DirectLineSession>, Ok<DirectLineSession>, ProblemHttpResult>> StartAsync(
        HttpContext context, DirectLineTokens tokens, IDirectLineStore conversations, SourceLinks links, CancellationToken ct)
    {
        if (Authorize(context, tokens, null) is not { } claims) return Denied(context);
        // Only the token a page was given may start its conversation; a later one shows the conversation existed.
        var created = claims.Use == DirectLineTokenUse.Start && await conversations.StartAsync(claims.ConversationId, claims.UserId, ct);
        if (created)
        {
            var greeting = ActivityResponder.Welcome(new Activity { ChannelId = BotChannels.DirectLine, Recipient = new ChannelAccount(claims.UserId, Role: "user"), From = DirectLineBot.Account });
            greeting.From = DirectLineBot.Account;
            await conversations.AppendAsync(claims.ConversationId, greeting, ct);
        }

        if (!await conversations.TouchAsync(claims.ConversationId, ct)) return UnknownConversation(claims.ConversationId);
        var session = Session(context, tokens, links, claims, null);
        return created ? TypedResults.Created((string?)null, session) : TypedResults.Ok(session);
    }

    public static async Task<Results<Ok<DirectLineSession>, ProblemHttpResult>> ReconnectAsync(
        string id, string? watermark, HttpContext context, DirectLineTokens tokens, IDirectLineStore conversations, SourceLinks links, CancellationToken ct)
    {
        if (Authorize(context, tokens, id) is not { } claims) return Denied(context);
        if (!await conversations.TouchAsync(id, ct)) return UnknownConversation(id);
        // botframework-directlinejs reconnects with "?watermark=" before it has one (a refreshed page): from the start.
        return TypedResults.Ok(Session(context, tokens, links, claims, int.TryParse(watermark, out var w) ? w : null));
    }

    public static async Task<Results<Ok<ResourceResponse>, ProblemHttpResult>> PostActivityAsync(string id, HttpContext context, DirectLineTokens tokens,
        IDirectLineStore conversations, DirectLineBot bot, SourceLinks links, IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        if (Authorize(context, tokens, id) is not { } claims) return Denied(context);
        if (!await conversations.TouchAsync(id, ct)) return UnknownConversation(id);
        var (activity, problem) = await JsonBody.ReadAsync<Activity>(context.Request, ct);
        if (problem is not null) return problem;
        if (ActivityValidator.Problem(activity!) is { } shape) return Problems.BadRequest(shape);
        var size = JsonSerializer.SerializeToUtf8Bytes(activity, JsonBody.Options).Length;
        if (size > options.Value.MaxActivityBytes)
        {
            return Problems.Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large",
                $"The activity is {size:N0} bytes serialized; the limit is {options.Value.MaxActivityBytes:N0} (DirectLine:MaxActivityBytes).");
        }

        var (posted, queued) = await bot.AcceptAsync(id, activity!, claims, links.BaseAddress(context.Request), ct);
        if (posted is null) return UnknownConversation(id);
        return queued ? TypedResults.Ok(new ResourceResponse(posted.Id!)) : Problems.Busy();
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ActivitiesAsync(string id, string? watermark, HttpContext context, DirectLineTokens tokens,
        IDirectLineStore conversations, IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        if (Authorize(context, tokens, id) is null) return Denied(context);
        if (!await conversations.TouchAsync(id, ct)) return UnknownConversation(id);
        if (await conversations.ReadAsync(id, int.TryParse(watermark, out var w) ? w : 0, options.Value.MaxPageBytes, ct) is not { } page) return UnknownConversation(id);
        return TypedResults.Bytes(ActivitySet.Write(page.Activities, page.Watermark), "application/json; charset=utf-8");
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> StreamAsync(string id, string? t, int? watermark, HttpContext context, DirectLineTokens tokens,
        IDirectLineStore conversations, DirectLineHub hub, IOptions<DirectLineOptions> options, TimeProvider clock)
    {
        var claims = tokens.Validate(t);
        if (claims is not { Use: DirectLineTokenUse.Stream } || claims.ConversationId != id)
        {
            return Problems.Problem(StatusCodes.Status403Forbidden, "Stream token rejected",
                "Open the streamUrl a start or reconnect returned, within a minute: its t parameter is the only token a stream accepts.");
        }

        if (!await conversations.TouchAsync(id, context.RequestAborted)) return UnknownConversation(id);
        if (!context.WebSockets.IsWebSocketRequest) return Problems.BadRequest("The stream is a WebSocket: open it with a WebSocket upgrade request.");

        // Listen before the handshake completes: an activity posted the moment the client is connected is not lost.
        // Without a watermark the stream replays from the start (a new page sees the welcome); a reconnect passes its own.
        using (var listener = hub.Listen(id))
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await new DirectLineStream(conversations, listener, options.Value.MaxPageBytes, clock).SendAsync(socket, watermark ?? 0, context.RequestAborted);
        }

        await conversations.TouchAsync(id, CancellationToken.None); // idle time counts from when the stream closed
        return TypedResults.Empty;
    }

    public static async Task<Results<Ok<DirectLineSession>, ProblemHttpResult>> RefreshAsync(
        HttpContext context, DirectLineTokens tokens, IDirectLineStore conversations, TimeProvider clock, CancellationToken ct)
    {
        if (Authorize(context, tokens, null) is not { } claims) return Denied(context);
        // A token outlives neither its conversation nor its session: refreshing cannot bring either back.
        if (!await conversations.TouchAsync(claims.ConversationId, ct)) return UnknownConversation(claims.ConversationId);
        if (clock.GetUtcNow() >= claims.SessionStarted + tokens.SessionLimit) return SessionOver();
        var issued = tokens.Issue(claims.ConversationId, claims.UserId, DirectLineTokenUse.Conversation, claims.SessionStarted);
        return TypedResults.Ok(new DirectLineSession(claims.ConversationId, issued.Token, issued.ExpiresIn));
    }

    // The streamUrl carries its own token, good for opening this stream within a minute and for nothing else, so that
    // a streamUrl seen in a log or a proxy opens nothing later.
    private static DirectLineSession Session(
        HttpContext context, DirectLineTokens tokens, SourceLinks links, DirectLineClaims claims, int? watermark)
    {
        var issued = tokens.Issue(claims.ConversationId, claims.UserId, DirectLineTokenUse.Conversation, claims.SessionStarted);
        var streamToken = tokens.Issue(claims.ConversationId, claims.UserId, DirectLineTokenUse.Stream, claims.SessionStarted).Token;
        return new DirectLineSession(claims.ConversationId, issued.Token, issued.ExpiresIn)
        {
            StreamUrl = links.DirectLineStream(context.Request, claims.ConversationId, streamToken, watermark),
        };
    }
}
