using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsQA.Bot.Tests.Fuzz;

/// <summary>What /api/ask/stream must always send, however hostile the question or the model: a status event, any number of deltas, one answer, then done; every data line JSON; no invalid marker in any text.</summary>
public static partial class ServerSentEvents
{
    public static IReadOnlyList<(string Name, JsonElement Data)> Parse(string body) =>
        [.. body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e =>
        {
            var lines = e.Split('\n');
            return (lines[0]["event: ".Length..], JsonDocument.Parse(lines[1]["data: ".Length..]).RootElement.Clone());
        })];

    /// <summary>What is wrong with a 200 answer's event stream, or null.</summary>
    public static string? Problem(string body)
    {
        IReadOnlyList<(string Name, JsonElement Data)> events;
        try
        {
            events = Parse(body);
        }
        catch (Exception e) when (e is JsonException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return $"not an event stream of JSON data ({e.GetType().Name})";
        }

        var names = events.Select(e => e.Name).ToList();
        if (names.Count < 3 || names[0] != "status" || names[^2] != "answer" || names[^1] != "done" || names.Count(n => n == "answer") != 1 || names.Skip(1).SkipLast(2).Any(n => n != "delta"))
        {
            return $"events {string.Join(',', names)}";
        }

        var shown = string.Concat(events.Where(e => e.Name == "delta").Select(e => e.Data.GetProperty("text").GetString()));
        var answer = events[^2].Data.GetProperty("answer").GetString() ?? string.Empty;
        return shown.Contains(HostileModel.InvalidMarker, StringComparison.Ordinal) || answer.Contains(HostileModel.InvalidMarker, StringComparison.Ordinal)
            ? $"the invalid marker {HostileModel.InvalidMarker} was shown"
            : AnswerProblem(events[^2].Data);
    }

    /// <summary>
    /// What is wrong with an answer's JSON: a bracketed number in its text ("[3]", "[٣]", "［3］") that is none of its
    /// citations' markers, as an article's own "[3]" would be if it were quoted, or copied by a model, as it stands.
    /// Help and source-command texts, which quote no article, are not checked.
    /// </summary>
    public static string? AnswerProblem(JsonElement answer)
    {
        if (answer.GetProperty("kind").GetString() is "help" or "source") return null;
        var markers = answer.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("marker").GetInt32()).ToHashSet();
        var text = answer.GetProperty("answer").GetString() ?? string.Empty;
        var stray = BracketedNumberPattern().Matches(text).Select(m => m.Value).FirstOrDefault(m => !markers.Contains(Number(m)));
        return stray is null ? null : $"the answer shows {stray}, which no citation has";
    }

    /// <summary>What is wrong with the JSON body of a 200 from /api/ask, or null.</summary>
    public static string? AskProblem(string body)
    {
        try
        {
            return AnswerProblem(JsonDocument.Parse(body).RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"not an answer ({e.GetType().Name})";
        }
    }

    private static int Number(string marker) =>
        int.Parse(string.Concat(marker.Where(char.IsDigit).Select(d => (char)('0' + (int)char.GetNumericValue(d)))), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[\[［]\s*\p{Nd}+\s*[\]］]")]
    private static partial Regex BracketedNumberPattern();
}
