using System.Text.Json;

namespace NewsQA.Tools.Benchmarking;

/// <summary>
/// The files a benchmark run hands to each engine's process: the corpus as JSON lines (one passage text each, in
/// order) and the questions as JSON lines ({"q": text, "gold": passage number}), the format the Xapian script reads.
/// </summary>
public static class BenchmarkFiles
{
    public static async Task WriteAsync(BenchmarkCorpus corpus, string corpusPath, string questionsPath, CancellationToken cancellationToken)
    {
        await File.WriteAllLinesAsync(corpusPath, corpus.Passages.Select(p => JsonSerializer.Serialize(p)), cancellationToken).ConfigureAwait(false);
        await File.WriteAllLinesAsync(questionsPath, corpus.Questions.Select(q => JsonSerializer.Serialize(new { q = q.Question, gold = q.Gold })), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The passages, streamed: an engine never needs the whole corpus in memory.</summary>
    public static IEnumerable<string> ReadPassages(string corpusPath) =>
        File.ReadLines(corpusPath).Select(line => JsonSerializer.Deserialize<string>(line) ?? string.Empty);

    public static List<(string Question, int Gold)> ReadQuestions(string questionsPath) =>
        [.. File.ReadLines(questionsPath).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            return (json.RootElement.GetProperty("q").GetString() ?? string.Empty, json.RootElement.GetProperty("gold").GetInt32());
        })];

    /// <summary>This process's peak resident memory (VmHWM), the same measure the Xapian script reports for itself.</summary>
    public static long PeakRssBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }

        return Environment.WorkingSet;
    }
}
