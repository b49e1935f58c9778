using System.Text.Json;

namespace NewsQA.Tools.Benchmarking;

/// <summary>
/// Reads the result files benchmark runs leave behind, so runs made separately (a 1,000,000-passage run takes most of
/// an hour here) are reported side by side: a `bench` run's results.json (a list), one `bench engine` output (one
/// result), or the Xapian script's output (its own field names).
/// </summary>
public static class BenchmarkResultFiles
{
    public static List<EngineResult> Read(string path)
    {
        var text = File.ReadAllText(path);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        if (root.ValueKind == JsonValueKind.Array) return JsonSerializer.Deserialize<List<EngineResult>>(text, EngineProcess.JsonOptions) ?? [];
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("build_seconds", out _)) return [XapianBenchmark.Read(text)];
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("engine", out _)) return [JsonSerializer.Deserialize<EngineResult>(text, EngineProcess.JsonOptions)!];
        throw new InvalidDataException($"{path} is not a benchmark result (a bench results.json, a bench engine output or the Xapian script's output)");
    }

    /// <summary>Results of every file, a later file's result replacing an earlier one of the same engine and size; ordered by size, then engine as `bench` runs them.</summary>
    public static List<EngineResult> Merge(IEnumerable<string> paths)
    {
        string[] order = ["NewsQA", "Lucene", "Xapian"];
        var merged = new Dictionary<(string Engine, int Passages), EngineResult>();
        foreach (var path in paths)
        {
            foreach (var result in Read(path)) merged[(result.Engine, result.Passages)] = result;
        }

        return [.. merged.Values.OrderBy(r => r.Passages).ThenBy(r => Array.IndexOf(order, r.Engine) is var i and >= 0 ? i : order.Length).ThenBy(r => r.Engine, StringComparer.Ordinal)];
    }
}
