using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsQA.Bot.Hosting;

/// <summary>Reads a JSON request body, turning every way it can be wrong into a 4xx problem with a reason.</summary>
public static class JsonBody
{
    /// <summary>
    /// Deepest nesting read or written. Activities nest a dozen levels at most (an Adaptive Card in an attachment); a
    /// body nested deeper is refused when read, so nothing stored can fail to serialize later.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// The service's one JSON configuration: camelCase names, absent nulls, text left readable (Arabic unescaped),
    /// <see cref="MaxDepth"/>. Request bodies are read with it, and every response is written with it (the framework's
    /// JSON options are set from it by <see cref="Configure"/>).
    /// </summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the service's settings to a serializer's options (the framework's, for typed results).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        options.MaxDepth = MaxDepth;
        return options;
    }

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null ? (null, Problems.BadRequest("The body is empty or null; a JSON object is expected.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest($"Malformed JSON: {e.Message}"));
        }
        catch (BadHttpRequestException e)
        {
            // The body's framing is broken (a bad chunk size, a body shorter than its Content-Length) or it is too large.
            var title = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Malformed request body";
            return (null, Problems.Problem(e.StatusCode, title, e.Message));
        }
        catch (IOException e)
        {
            // Kestrel reports some broken framing this way (a chunk size that overflows); or the client went away.
            return (null, Problems.Problem(StatusCodes.Status400BadRequest, "Malformed request body", e.Message));
        }
    }
}
