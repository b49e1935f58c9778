using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsQA.Testing;

/// <summary>One request the loopback model received.</summary>
public sealed partial record ModelRequest(JsonElement Body)
{
    public string Model => Body.GetProperty("model").GetString()!;

    public bool Stream => Body.TryGetProperty("stream", out var s) && s.GetBoolean();

    public IReadOnlyList<(string Role, string Content)> Messages =>
        Body.TryGetProperty("messages", out var m)
            ? [.. m.EnumerateArray().Select(x => (x.GetProperty("role").GetString()!, Content(x.GetProperty("content"))))]
            : [];

    public string SystemMessage => Messages.FirstOrDefault(m => m.Role == "system").Content ?? string.Empty;

    public string User => Messages.LastOrDefault(m => m.Role == "user").Content ?? string.Empty;

    /// <summary>Which prompt file this request came from, told by its system message.</summary>
    public bool IsAnswer => SystemMessage.Contains("answer questions about news articles", StringComparison.Ordinal);

    public bool IsCondense => SystemMessage.Contains("standalone question", StringComparison.Ordinal);

    public bool IsTranslation => SystemMessage.Contains("Translate the question", StringComparison.Ordinal);

    public bool IsSummary => SystemMessage.Contains("You summarize news articles", StringComparison.Ordinal);

    /// <summary>The number [n] of the first passage in the prompt whose text contains <paramref name="text"/>, or 0.</summary>
    public int PassageContaining(string text)
    {
        foreach (Match block in PassagePattern().Matches(User))
        {
            if (block.Groups["body"].Value.Contains(text, StringComparison.Ordinal)) return int.Parse(block.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return 0;
    }

    /// <summary>The text of passage [<paramref name="n"/>] in the prompt, under its header line, or empty.</summary>
    public string Passage(int n)
    {
        foreach (Match block in PassagePattern().Matches(User))
        {
            if (block.Groups["n"].Value != n.ToString(System.Globalization.CultureInfo.InvariantCulture)) continue;
            var body = block.Groups["body"].Value;
            var text = body[(body.IndexOf('\n', StringComparison.Ordinal) + 1)..];
            var end = text.IndexOf("\n\n", StringComparison.Ordinal); // the question follows the last passage
            return (end >= 0 ? text[..end] : text).Trim();
        }

        return string.Empty;
    }

    private static string Content(JsonElement content) => content.ValueKind == JsonValueKind.String
        ? content.GetString()!
        : string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : string.Empty));

    [GeneratedRegex(@"^\[(?<n>\d+)\] (?<body>.*?)(?=^\[\d+\] |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex PassagePattern();
}
