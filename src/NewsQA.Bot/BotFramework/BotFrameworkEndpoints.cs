using NewsQA.Bot.Conversation;
using NewsQA.Bot.DirectLine;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;

namespace NewsQA.Bot.BotFramework;

/// <summary>
/// POST /api/messages, the Bot Framework messaging endpoint (Teams, and Azure Bot Service's channels). The request is
/// authenticated, then acknowledged at once and answered through the connector, so a slow answer never runs into the
/// channel's ~15 s limit. deliveryMode expectReplies gets the replies in the response instead; an invoke gets its status.
/// </summary>
public static class BotFrameworkEndpoints
{
    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/messages", async (HttpContext context, ChannelAuthenticator authenticator, ActivityResponder responder, BotFrameworkReplies replies, CancellationToken ct) =>
        {
            var (activity, problem) = await JsonBody.ReadAsync<Activity>(context.Request, ct);
            if (problem is not null) return problem;
            if (string.IsNullOrWhiteSpace(activity!.Type)) return JsonBody.BadRequest("The activity has no type.");
            if (!await authenticator.IsAuthorizedAsync(context.Request.Headers.Authorization.FirstOrDefault(), activity, ct))
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "The request does not carry a valid Bot Framework token.");
            }

            var baseAddress = DirectLineEndpoints.BaseAddress(context);
            if (activity.Type == ActivityTypes.Invoke)
            {
                var status = await responder.RespondAsync(activity, baseAddress, new ExpectedRepliesSender(), ct);
                return Results.Json(new { }, statusCode: status ?? StatusCodes.Status200OK);
            }

            if (string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.OrdinalIgnoreCase))
            {
                var buffered = new ExpectedRepliesSender();
                await responder.RespondAsync(activity, baseAddress, buffered, ct);
                return Results.Json(new { activities = buffered.Replies.Where(r => r.Type != ActivityTypes.Typing) }, JsonBody.Options);
            }

            replies.Enqueue(activity, baseAddress);
            return Results.Ok();
        });
        return routes;
    }
}
