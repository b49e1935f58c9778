using System.Text.Json;

namespace NewsQA.Bot.Hosting;

/// <summary>Reads a JSON request body, turning every way it can be wrong into a 4xx problem with a reason.</summary>
public static class JsonBody
{
    /// <summary>
    /// Deepest nesting read or written. Activities nest a dozen levels at most (an Adaptive Card in an attachment); a
    /// body nested deeper is refused when read, so nothing stored can fail to serialize later.
    /// </summary>
    public const int MaxDepth = 32;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = MaxDepth,
    };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null ? (null, BadRequest("The body is empty or null; a JSON object is expected.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, BadRequest($"Malformed JSON: {e.Message}"));
        }
        catch (BadHttpRequestException e)
        {
            // The body's framing is broken (a bad chunk size, a body shorter than its Content-Length) or it is too large.
            var title = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Malformed request body";
            return (null, Results.Problem(statusCode: e.StatusCode, title: title, detail: e.Message));
        }
        catch (IOException e)
        {
            // Kestrel reports some broken framing this way (a chunk size that overflows); or the client went away.
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request body", detail: e.Message));
        }
    }

    public static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);
}
