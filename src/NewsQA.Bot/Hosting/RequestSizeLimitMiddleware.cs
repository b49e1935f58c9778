using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace NewsQA.Bot.Hosting;

/// <summary>Refuses bodies over Bot:MaxRequestBytes with 413 and a problem-details reason, before anything reads them.</summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, IOptions<BotHostOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBytes;
        if (context.Request.ContentLength > limit)
        {
            await Problems.Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The body is {context.Request.ContentLength:N0} bytes; the limit is {limit:N0}.").ExecuteAsync(context);
            return;
        }

        // Bodies without a length (chunked) are cut off by the server at the same limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        await next(context);
    }
}
