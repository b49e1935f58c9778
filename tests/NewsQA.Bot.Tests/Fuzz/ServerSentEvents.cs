using System.Text.Json;

namespace NewsQA.Bot.Tests.Fuzz;

/// <summary>What /api/ask/stream must always send, however hostile the question or the model: a status event, any number of deltas, one answer, then done; every data line JSON; no invalid marker in any text.</summary>
public static class ServerSentEvents
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
            : null;
    }
}
