using System.Diagnostics;
using System.Text.Json;

namespace NewsQA.Tools.Benchmarking;

/// <summary>
/// Runs the same corpus and questions through Xapian (BM25, Arabic Snowball stemmer, k1 = 1.0, b = 0.5: the baseline of
/// the shared data README) with Debian's python3-xapian, from the same run on the same machine.
/// </summary>
public static class XapianBenchmark
{
    /// <summary>Null, with the reason, when Python or its xapian module is missing.</summary>
    public static async Task<(EngineResult? Result, string? Missing)> RunAsync(string corpusPath, string questionsPath, string workFolder, string python, string script, CancellationToken cancellationToken)
    {
        if (!File.Exists(script)) return (null, $"the Xapian script is missing: {script}");
        var outputPath = Path.Combine(workFolder, "xapian.json");

        var start = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { script, corpusPath, questionsPath, Path.Combine(workFolder, "xapian-db"), outputPath }) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (null, $"{python} was not found (install Debian's python3-xapian)");
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                var reason = await error;
                return (null, reason.Contains("No module named 'xapian'", StringComparison.Ordinal)
                    ? $"{python} has no xapian module (apt-get install python3-xapian)"
                    : $"the Xapian run failed: {reason.Trim().Split('\n').LastOrDefault()}");
            }
        }

        return (Read(await File.ReadAllTextAsync(outputPath, cancellationToken)), null);
    }

    /// <summary>The result the Xapian script wrote (its own field names), as an <see cref="EngineResult"/>.</summary>
    public static EngineResult Read(string scriptOutput)
    {
        using var json = JsonDocument.Parse(scriptOutput);
        var r = json.RootElement;
        double D(string name) => r.GetProperty(name).GetDouble();
        var passages = r.GetProperty("passages").GetInt32();
        return new EngineResult("Xapian", passages, D("build_seconds"), passages / D("build_seconds"),
            r.GetProperty("index_bytes").GetInt64(), r.GetProperty("peak_rss_bytes").GetInt64(), D("p50_ms"), D("p95_ms"), D("p99_ms"),
            D("qps"), null, D("recall_at_1"), D("mrr_at_10"));
    }
}
