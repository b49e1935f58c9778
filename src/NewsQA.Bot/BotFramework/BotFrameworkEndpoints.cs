using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsQA.Bot.Conversation;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;

namespace NewsQA.Bot.BotFramework;

/// <summary>
/// POST /api/messages, the Bot Framework messaging endpoint (Teams, and Azure Bot Service's channels). The activity's
/// shape is checked, the request authenticated, then acknowledged at once and answered through the connector, so a
/// slow answer never runs into the channel's ~15 s limit. deliveryMode expectReplies gets the replies in the response
/// instead; an invoke gets its status. Without an app id, replies go only to allowed serviceUrls (others: 403).
/// </summary>
public static class BotFrameworkEndpoints
{
    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/messages", ReceiveAsync);
        return routes;
    }

    public static async Task<Results<Ok, Ok<ExpectedReplies>, JsonHttpResult<object>, ProblemHttpResult>> ReceiveAsync(HttpContext context,
        ChannelAuthenticator authenticator, TurnHandler turns, BotFrameworkReplies replies, ServiceUrlPolicy serviceUrls, SourceLinks links,
        IOptions<BotCredentialsOptions> credentials, CancellationToken ct)
    {
        var (activity, problem) = await JsonBody.ReadAsync<Activity>(context.Request, ct);
        if (problem is not null) return problem;
        if (ActivityValidator.Problem(activity!) is { } shape) return Problems.BadRequest(shape);
        if (!await authenticator.IsAuthorizedAsync(context.Request.Headers.Authorization.FirstOrDefault(), activity!, ct))
        {
            return Problems.Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "The request does not carry a valid Bot Framework token.");
        }

        var baseAddress = links.BaseAddress(context.Request);
        var key = ConversationKeys.Channel(activity!);
        if (activity!.Type == ActivityTypes.Invoke)
        {
            var status = await turns.RespondAsync(activity, key, baseAddress, new ExpectedRepliesSender(), ct);
            return TypedResults.Json<object>(new { }, statusCode: status ?? StatusCodes.Status200OK);
        }

        if (string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.OrdinalIgnoreCase))
        {
            var buffered = new ExpectedRepliesSender();
            await turns.RespondAsync(activity, key, baseAddress, buffered, ct);
            return TypedResults.Ok(new ExpectedReplies(buffered.Replies.Where(r => r.Type != ActivityTypes.Typing)));
        }

        // Only these get replies through the connector; every other type is acknowledged and ignored.
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate)) return TypedResults.Ok();
        if (!ServiceUrlPolicy.TryParseServiceUrl(activity.ServiceUrl, out _)) return Problems.BadRequest("The activity has no serviceUrl (an absolute http or https URL) to reply to.");
        if (string.IsNullOrEmpty(activity.Conversation?.Id)) return Problems.BadRequest("The activity has no conversation.id to reply in.");
        if (!credentials.Value.AuthenticationEnabled && !serviceUrls.IsAllowed(activity.ServiceUrl))
        {
            return Problems.Problem(StatusCodes.Status403Forbidden, "serviceUrl not allowed",
                "Without MicrosoftAppId, replies go only to the serviceUrls in BotFramework:AllowedServiceUrls (loopback by default); see README, Teams.");
        }

        return replies.Enqueue(activity, key, baseAddress) ? TypedResults.Ok() : Problems.Busy();
    }
}
