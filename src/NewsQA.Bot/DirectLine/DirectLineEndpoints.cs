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
        directLine.MapPost("/conversations", Start);
        directLine.MapGet("/conversations/{id}", Reconnect);
        directLine.MapPost("/conversations/{id}/activities", PostActivityAsync);
        directLine.MapGet("/conversations/{id}/activities", Activities);
        directLine.Map("/conversations/{id}/stream", StreamAsync);
        directLine.MapPost("/tokens/refresh", Refresh);
        return routes;
    }

    public static Ok<DirectLineSession> IssueToken(DirectLineTokens tokens)
    {
        var conversationId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var userId = "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var issued = tokens.Issue(conversationId, userId, DirectLineTokenUse.Start);
        return TypedResults.Ok(new DirectLineSession(conversationId, issued.Token, issued.ExpiresIn) { UserId = userId });
    }

    public static Results<Created<DirectLineSession>, Ok<DirectLineSession>, ProblemHttpResult> Start(
        HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations, SourceLinks links, TimeProvider clock)
    {
        if (Authorize(context, tokens, null) is not { } claims) return Denied(context);
        // Only the token a page was given may start its conversation; a later one shows the conversation existed.
        var (conversation, created) = claims.Use == DirectLineTokenUse.Start
            ? conversations.GetOrCreate(claims.ConversationId, claims.UserId)
            : (conversations.Find(claims.ConversationId), false);
        if (conversation is null) return UnknownConversation(claims.ConversationId);
        if (created)
        {
            var greeting = ActivityResponder.Welcome(new Activity { ChannelId = BotChannels.DirectLine, Recipient = new ChannelAccount(claims.UserId, Role: "user"), From = DirectLineBot.Account });
            greeting.From = DirectLineBot.Account;
            conversation.Append(greeting, clock.GetUtcNow());
        }

        conversation.Touch(clock.GetUtcNow());
        var session = Session(context, tokens, links, conversation, claims, null);
        return created ? TypedResults.Created((string?)null, session) : TypedResults.Ok(session);
    }

    public static Results<Ok<DirectLineSession>, ProblemHttpResult> Reconnect(
        string id, int? watermark, HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations, SourceLinks links, TimeProvider clock)
    {
        if (Authorize(context, tokens, id) is not { } claims) return Denied(context);
        if (conversations.Find(id) is not { } conversation) return UnknownConversation(id);
        conversation.Touch(clock.GetUtcNow());
        return TypedResults.Ok(Session(context, tokens, links, conversation, claims, watermark));
    }

    public static async Task<Results<Ok<ResourceResponse>, ProblemHttpResult>> PostActivityAsync(string id, HttpContext context, DirectLineTokens tokens,
        DirectLineConversations conversations, DirectLineBot bot, SourceLinks links, IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        if (Authorize(context, tokens, id) is not { } claims) return Denied(context);
        if (conversations.Find(id) is not { } conversation) return UnknownConversation(id);
        var (activity, problem) = await JsonBody.ReadAsync<Activity>(context.Request, ct);
        if (problem is not null) return problem;
        if (ActivityValidator.Problem(activity!) is { } shape) return Problems.BadRequest(shape);
        var size = JsonSerializer.SerializeToUtf8Bytes(activity, JsonBody.Options).Length;
        if (size > options.Value.MaxActivityBytes)
        {
            return Problems.Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large",
                $"The activity is {size:N0} bytes serialized; the limit is {options.Value.MaxActivityBytes:N0} (DirectLine:MaxActivityBytes).");
        }

        var posted = bot.Accept(conversation, activity!, claims, links.BaseAddress(context.Request));
        return TypedResults.Ok(new ResourceResponse(posted.Id!));
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> Activities(string id, string? watermark, HttpContext context, DirectLineTokens tokens,
        DirectLineConversations conversations, IOptions<DirectLineOptions> options, TimeProvider clock)
    {
        if (Authorize(context, tokens, id) is not { } claims) return Denied(context);
        if (conversations.Find(id) is not { } conversation) return UnknownConversation(id);
        conversation.Touch(clock.GetUtcNow());
        var (activities, next) = conversation.Page(int.TryParse(watermark, out var w) ? w : 0, options.Value.MaxPageBytes);
        return TypedResults.Bytes(ActivitySet.Write(activities, next), "application/json; charset=utf-8");
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> StreamAsync(
        string id, string? t, int? watermark, HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations, TimeProvider clock)
    {
        var claims = tokens.Validate(t);
        if (claims is not { Use: DirectLineTokenUse.Stream } || claims.ConversationId != id)
        {
            return Problems.Problem(StatusCodes.Status403Forbidden, "Stream token rejected",
                "Open the streamUrl a start or reconnect returned, within a minute: its t parameter is the only token a stream accepts.");
        }

        if (conversations.Find(id) is not { } conversation) return UnknownConversation(id);
        if (!context.WebSockets.IsWebSocketRequest) return Problems.BadRequest("The stream is a WebSocket: open it with a WebSocket upgrade request.");

        // Listen before the handshake completes: an activity posted the moment the client is connected is not lost.
        // Without a watermark the stream replays from the start (a new page sees the welcome); a reconnect passes its own.
        var reader = conversation.Listen(watermark ?? 0);
        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await DirectLineStream.SendAsync(socket, reader, context.RequestAborted);
        }
        finally
        {
            conversation.StopListening(reader, clock.GetUtcNow());
        }

        return TypedResults.Empty;
    }

    public static Results<Ok<DirectLineSession>, ProblemHttpResult> Refresh(
        HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations, TimeProvider clock)
    {
        if (Authorize(context, tokens, null) is not { } claims) return Denied(context);
        // A token outlives neither its conversation nor its session: refreshing cannot bring either back.
        if (conversations.Find(claims.ConversationId) is not { } conversation) return UnknownConversation(claims.ConversationId);
        if (clock.GetUtcNow() >= claims.SessionStarted + tokens.SessionLimit) return SessionOver();
        conversation.Touch(clock.GetUtcNow());
        var issued = tokens.Issue(claims.ConversationId, claims.UserId, DirectLineTokenUse.Conversation, claims.SessionStarted);
        return TypedResults.Ok(new DirectLineSession(claims.ConversationId, issued.Token, issued.ExpiresIn));
    }

    // The streamUrl carries its own token, good for opening this stream within a minute and for nothing else, so that
    // a streamUrl seen in a log or a proxy opens nothing later.
    private static DirectLineSession Session(
        HttpContext context, DirectLineTokens tokens, SourceLinks links, DirectLineConversation conversation, DirectLineClaims claims, int? watermark)
    {
        var issued = tokens.Issue(claims.ConversationId, claims.UserId, DirectLineTokenUse.Conversation, claims.SessionStarted);
        var streamToken = tokens.Issue(claims.ConversationId, claims.UserId, DirectLineTokenUse.Stream, claims.SessionStarted).Token;
        return new DirectLineSession(conversation.Id, issued.Token, issued.ExpiresIn)
        {
            StreamUrl = links.DirectLineStream(context.Request, conversation.Id, streamToken, watermark),
        };
    }
}
