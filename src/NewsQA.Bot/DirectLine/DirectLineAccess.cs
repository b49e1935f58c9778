using Microsoft.AspNetCore.Http.HttpResults;
using NewsQA.Bot.Hosting;

namespace NewsQA.Bot.DirectLine;

/// <summary>Who a Direct Line request is: the bearer token's claims, and the problems to answer when there are none.</summary>
public static class DirectLineAccess
{
    /// <summary>The claims of the request's bearer token, if it is valid for REST calls and (when given) this conversation.</summary>
    public static DirectLineClaims? Authorize(HttpContext context, DirectLineTokens tokens, string? conversationId)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var claims = tokens.Validate(token);
        if (claims is null || claims.Use == DirectLineTokenUse.Stream) return null;
        return conversationId is null || claims.ConversationId == conversationId ? claims : null;
    }

    public static ProblemHttpResult Denied(HttpContext context) =>
        string.IsNullOrEmpty(context.Request.Headers.Authorization)
            ? Problems.Problem(StatusCodes.Status401Unauthorized, "Token required", "Send 'Authorization: Bearer <token>' from POST /api/directline/token.")
            : Problems.Problem(StatusCodes.Status403Forbidden, "Token rejected", "The token is expired, invalid, or for another conversation.");

    public static ProblemHttpResult UnknownConversation(string id) =>
        Problems.Problem(StatusCodes.Status404NotFound, "Unknown conversation", $"No conversation '{id}' (it may have ended or expired).");

    public static ProblemHttpResult SessionOver() =>
        Problems.Problem(StatusCodes.Status403Forbidden, "Token expired",
            "This conversation's tokens cannot be renewed any longer (DirectLine:MaxSessionHours); start a new conversation.");
}
