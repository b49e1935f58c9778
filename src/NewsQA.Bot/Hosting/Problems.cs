using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsQA.Bot.Hosting;

/// <summary>The problem details (RFC 9457) every refused request gets: a status, a title, and the reason in words.</summary>
public static class Problems
{
    public static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static ProblemHttpResult IndexLoading() =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Index loading", "The articles are still being indexed; try again in a moment.");

    /// <summary>Too many turns wait to be answered (Bot:MaxQueuedTurns); the channel retries later.</summary>
    public static ProblemHttpResult Busy() =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Busy", "Too many messages are waiting to be answered; try again in a moment.");

    public static ProblemHttpResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);

    /// <summary>
    /// Gives a reason to the problems the framework writes itself (an empty 4xx from routing, turned into problem
    /// details by the status code pages), which carry only a title.
    /// </summary>
    public static void Explain(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null) return;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status404NotFound => "Nothing is served at this path.",
            StatusCodes.Status405MethodNotAllowed => "This method is not accepted at this path.",
            StatusCodes.Status415UnsupportedMediaType => "The request's content type is not accepted here.",
            >= 400 and < 500 => "The request was refused as sent.",
            _ => null,
        };
    }
}
