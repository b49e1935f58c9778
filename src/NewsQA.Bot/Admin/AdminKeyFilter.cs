using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;

namespace NewsQA.Bot.Admin;

/// <summary>
/// Guards the admin API: 404 when no Admin:ApiKey is configured (the API is off), 401 unless the request carries
/// "Authorization: Bearer KEY" with the right key, compared in constant time (<see cref="SecretMatch"/>).
/// </summary>
public sealed class AdminKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var admin = options.Value;
        if (!admin.Enabled)
        {
            return Problems.Problem(StatusCodes.Status404NotFound, "Not found", "The admin API is off: set NEWSQA_Admin__ApiKey to turn it on (see docs/live-news.md, Admin API).");
        }

        if (SecretMatch.Refusal(context.HttpContext, admin.ApiKey!, "NewsQA admin", "admin key") is { } refused) return refused;
        return await next(context);
    }
}
