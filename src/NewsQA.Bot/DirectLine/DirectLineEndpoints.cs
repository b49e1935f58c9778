using System.Security.Cryptography;
using System.Text.Json;
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
/// ended (404), whatever token is shown for it.
/// </summary>
public static class DirectLineEndpoints
{
    private const string Prefix = "/v3/directline";
    public static readonly ChannelAccount BotAccount = new("newsqa", "NewsQA", "bot");

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/directline/token", (DirectLineTokens tokens) =>
        {
            var conversationId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            var userId = "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            var issued = tokens.Issue(conversationId, userId, DirectLineTokenUse.Start);
            return Results.Ok(new { conversationId, userId, token = issued.Token, expires_in = issued.ExpiresIn });
        });

        routes.MapPost($"{Prefix}/conversations", (HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations, TimeProvider clock) =>
        {
            if (Authorize(context, tokens, null) is not { } claims) return Denied(context);
            // Only the token a page was given may start its conversation; a later one shows the conversation existed.
            var (conversation, created) = claims.Use == DirectLineTokenUse.Start
                ? conversations.GetOrCreate(claims.ConversationId, claims.UserId)
                : (conversations.Find(claims.ConversationId), false);
            if (conversation is null) return UnknownConversation(claims.ConversationId);
            if (created)
            {
                var greeting = ActivityResponder.Welcome(new Activity { ChannelId = BotChannels.DirectLine, Recipient = new ChannelAccount(claims.UserId, Role: "user"), From = BotAccount });
                greeting.From = BotAccount;
                conversation.Append(greeting, clock.GetUtcNow());
            }

            conversation.Touch(clock.GetUtcNow());
            var body = Describe(context, tokens, conversation, claims, null);
            return created ? Results.Json(body, JsonBody.Options, statusCode: StatusCodes.Status201Created) : Results.Json(body, JsonBody.Options);
        });

        routes.MapGet($"{Prefix}/conversations/{{id}}", (string id, int? watermark, HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations, TimeProvider clock) =>
        {
            if (Authorize(context, tokens, id) is not { } claims) return Denied(context);
            if (conversations.Find(id) is not { } conversation) return UnknownConversation(id);
            conversation.Touch(clock.GetUtcNow());
            return Results.Json(Describe(context, tokens, conversation, claims, watermark), JsonBody.Options);
        });

        routes.MapPost($"{Prefix}/conversations/{{id}}/activities", async (string id, HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations,
            DirectLineBot bot, IOptions<DirectLineOptions> options, CancellationToken ct) =>
        {
            if (Authorize(context, tokens, id) is not { } claims) return Denied(context);
            if (conversations.Find(id) is not { } conversation) return UnknownConversation(id);
            var (activity, problem) = await JsonBody.ReadAsync<Activity>(context.Request, ct);
            if (problem is not null) return problem;
            if (ActivityValidator.Problem(activity!) is { } shape) return JsonBody.BadRequest(shape);
            var size = JsonSerializer.SerializeToUtf8Bytes(activity, JsonBody.Options).Length;
            if (size > options.Value.MaxActivityBytes)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Activity too large",
                    detail: $"The activity is {size:N0} bytes serialized; the limit is {options.Value.MaxActivityBytes:N0} (DirectLine:MaxActivityBytes).");
            }

            var posted = bot.Accept(conversation, activity!, claims, BaseAddress(context));
            return Results.Json(new { id = posted.Id }, JsonBody.Options);
        });

        routes.MapGet($"{Prefix}/conversations/{{id}}/activities", (string id, string? watermark, HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations,
            IOptions<DirectLineOptions> options, TimeProvider clock) =>
        {
            if (Authorize(context, tokens, id) is not { } claims) return Denied(context);
            if (conversations.Find(id) is not { } conversation) return UnknownConversation(id);
            conversation.Touch(clock.GetUtcNow());
            var (activities, next) = conversation.Page(int.TryParse(watermark, out var w) ? w : 0, options.Value.MaxPageBytes);
            return Results.Bytes(ActivitySet.Write(activities, next), "application/json; charset=utf-8");
        });

        routes.Map($"{Prefix}/conversations/{{id}}/stream", async (string id, string? t, int? watermark, HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations, TimeProvider clock) =>
        {
            var claims = tokens.Validate(t);
            if (claims is not { Use: DirectLineTokenUse.Stream } || claims.ConversationId != id)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            var conversation = conversations.Find(id);
            if (conversation is null || !context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = conversation is null ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
                return;
            }

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
        });

        routes.MapPost($"{Prefix}/tokens/refresh", (HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations, TimeProvider clock) =>
        {
            if (Authorize(context, tokens, null) is not { } claims) return Denied(context);
            // A token outlives neither its conversation nor its session: refreshing cannot bring either back.
            if (conversations.Find(claims.ConversationId) is not { } conversation) return UnknownConversation(claims.ConversationId);
            if (clock.GetUtcNow() >= claims.SessionStarted + tokens.SessionLimit) return SessionOver();
            conversation.Touch(clock.GetUtcNow());
            var issued = tokens.Issue(claims.ConversationId, claims.UserId, DirectLineTokenUse.Conversation, claims.SessionStarted);
            return Results.Json(new { conversationId = claims.ConversationId, token = issued.Token, expires_in = issued.ExpiresIn }, JsonBody.Options);
        });

        return routes;
    }

    // The streamUrl carries its own token, good for opening this stream within a minute and for nothing else, so that
    // a streamUrl seen in a log or a proxy opens nothing later.
    private static object Describe(HttpContext context, DirectLineTokens tokens, DirectLineConversation conversation, DirectLineClaims claims, int? watermark)
    {
        var issued = tokens.Issue(claims.ConversationId, claims.UserId, DirectLineTokenUse.Conversation, claims.SessionStarted);
        var streamToken = tokens.Issue(claims.ConversationId, claims.UserId, DirectLineTokenUse.Stream, claims.SessionStarted).Token;
        var scheme = context.Request.IsHttps ? "wss" : "ws";
        var stream = $"{scheme}://{context.Request.Host}{Prefix}/conversations/{Uri.EscapeDataString(conversation.Id)}/stream?t={Uri.EscapeDataString(streamToken)}"
                     + (watermark is { } w ? $"&watermark={w}" : string.Empty);
        return new { conversationId = conversation.Id, token = issued.Token, expires_in = issued.ExpiresIn, streamUrl = stream };
    }

    public static Uri BaseAddress(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}/");
}
