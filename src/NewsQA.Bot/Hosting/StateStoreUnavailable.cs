using Microsoft.AspNetCore.Diagnostics;

namespace NewsQA.Bot.Hosting;

/// <summary>
/// A request that needed Redis while it could not be reached (StackExchange.Redis reconnects by itself) gets 503 with
/// the reason, so the client, or a load balancer, tries again; the service keeps running.
/// </summary>
public sealed partial class StateStoreUnavailable(ILogger<StateStoreUnavailable> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (StackExchange.Redis.RedisException or StackExchange.Redis.RedisTimeoutException)) return false;
        LogUnavailable(logger, exception.Message);
        await Problems.Problem(StatusCodes.Status503ServiceUnavailable, "State store unavailable",
            "The shared conversation store (Redis) cannot be reached right now; try again in a moment.").ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Redis could not be reached: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
