using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using NewsQA.Bot.Conversation;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// The part of Direct Line 3.0 that botframework-directlinejs (and so Web Chat) uses, served by NewsQA itself:
/// start and reconnect, post (the user's activity is echoed with an id, then the bot's replies follow), polling by
/// watermark, the WebSocket stream, and token refresh. POST /api/directline/token gives the page its token. A token
/// opens exactly one conversation: any other gets 403.
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
            return Results.Ok(new { conversationId, userId, token = tokens.Issue(conversationId, userId), expires_in = (int)tokens.Lifetime.TotalSeconds });
        });

        routes.MapPost($"{Prefix}/conversations", (HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations, TimeProvider clock) =>
        {
            if (Authorize(context, tokens, null) is not { } claims) return Denied(context);
            var (conversation, created) = conversations.GetOrCreate(claims.ConversationId, claims.UserId);
            if (created)
            {
                var greeting = ActivityResponder.Welcome(new Activity { ChannelId = BotChannels.DirectLine, Recipient = new ChannelAccount(claims.UserId, Role: "user"), From = BotAccount });
                greeting.From = BotAccount;
                conversation.Append(greeting, clock.GetUtcNow());
            }

            var body = Describe(context, tokens, conversation, claims, null);
            return created ? Results.Json(body, JsonBody.Options, statusCode: StatusCodes.Status201Created) : Results.Json(body, JsonBody.Options);
        });

        routes.MapGet($"{Prefix}/conversations/{{id}}", (string id, int? watermark, HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations) =>
        {
            if (Authorize(context, tokens, id) is not { } claims) return Denied(context);
            var conversation = conversations.Find(id);
            return conversation is null ? UnknownConversation(id) : Results.Json(Describe(context, tokens, conversation, claims, watermark), JsonBody.Options);
        });

        routes.MapPost($"{Prefix}/conversations/{{id}}/activities", async (string id, HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations, DirectLineBot bot, CancellationToken ct) =>
        {
            if (Authorize(context, tokens, id) is not { } claims) return Denied(context);
            if (conversations.Find(id) is not { } conversation) return UnknownConversation(id);
            var (activity, problem) = await JsonBody.ReadAsync<Activity>(context.Request, ct);
            if (problem is not null) return problem;
            if (string.IsNullOrWhiteSpace(activity!.Type)) return JsonBody.BadRequest("The activity has no type.");
            var posted = bot.Accept(conversation, activity, claims, BaseAddress(context));
            return Results.Json(new { id = posted.Id }, JsonBody.Options);
        });

        routes.MapGet($"{Prefix}/conversations/{{id}}/activities", (string id, string? watermark, HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations) =>
        {
            if (Authorize(context, tokens, id) is not { } claims) return Denied(context);
            if (conversations.Find(id) is not { } conversation) return UnknownConversation(id);
            var (activities, next) = conversation.Since(int.TryParse(watermark, out var w) ? w : 0);
            // Typing indicators go only to WebSocket streams, as in Direct Line.
            return Results.Json(new { activities = activities.Where(a => a.Type != ActivityTypes.Typing), watermark = next.ToString(System.Globalization.CultureInfo.InvariantCulture) }, JsonBody.Options);
        });

        routes.Map($"{Prefix}/conversations/{{id}}/stream", async (string id, string? t, int? watermark, HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations) =>
        {
            var claims = tokens.Validate(t);
            if (claims is null || claims.ConversationId != id)
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
            var reader = conversation.Listen(watermark ?? 0, out var current);
            try
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                await StreamAsync(socket, reader, current, context.RequestAborted);
            }
            finally
            {
                conversation.StopListening(reader);
            }
        });

        routes.MapPost($"{Prefix}/tokens/refresh", (HttpContext context, DirectLineTokens tokens) =>
        {
            if (Authorize(context, tokens, null) is not { } claims) return Denied(context);
            return Results.Json(new { conversationId = claims.ConversationId, token = tokens.Issue(claims.ConversationId, claims.UserId), expires_in = (int)tokens.Lifetime.TotalSeconds }, JsonBody.Options);
        });

        return routes;
    }

    private static async Task StreamAsync(WebSocket socket, System.Threading.Channels.ChannelReader<Activity> reader, int current, CancellationToken ct)
    {
        var sequence = current;
        try
        {
            // The client's frames are only keep-alive pings; reading them is how a closed socket is noticed.
            var receiving = ReceiveUntilClosedAsync(socket, ct);
            while (!receiving.IsCompleted)
            {
                var next = reader.WaitToReadAsync(ct).AsTask();
                if (await Task.WhenAny(next, receiving) == receiving || !await next) break;
                while (reader.TryRead(out var activity))
                {
                    var frame = JsonSerializer.SerializeToUtf8Bytes(new { activities = new[] { activity }, watermark = (++sequence).ToString(System.Globalization.CultureInfo.InvariantCulture) }, JsonBody.Options);
                    await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, ct);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The page went away; nothing to tell anyone.
        }
    }

    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return;
            }
        }
    }

    private static DirectLineClaims? Authorize(HttpContext context, DirectLineTokens tokens, string? conversationId)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var claims = tokens.Validate(token);
        return claims is not null && (conversationId is null || claims.ConversationId == conversationId) ? claims : null;
    }

    private static IResult Denied(HttpContext context) =>
        string.IsNullOrEmpty(context.Request.Headers.Authorization)
            ? Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Token required", detail: "Send 'Authorization: Bearer <token>' from POST /api/directline/token.")
            : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Token rejected", detail: "The token is expired, invalid, or for another conversation.");

    private static IResult UnknownConversation(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown conversation", detail: $"No conversation '{id}' (it may have expired).");

    private static object Describe(HttpContext context, DirectLineTokens tokens, DirectLineConversation conversation, DirectLineClaims claims, int? watermark)
    {
        var token = tokens.Issue(claims.ConversationId, claims.UserId);
        var scheme = context.Request.IsHttps ? "wss" : "ws";
        var stream = $"{scheme}://{context.Request.Host}{Prefix}/conversations/{Uri.EscapeDataString(conversation.Id)}/stream?t={Uri.EscapeDataString(token)}"
                     + (watermark is { } w ? $"&watermark={w}" : string.Empty);
        return new { conversationId = conversation.Id, token, expires_in = (int)tokens.Lifetime.TotalSeconds, streamUrl = stream };
    }

    public static Uri BaseAddress(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}/");
}
