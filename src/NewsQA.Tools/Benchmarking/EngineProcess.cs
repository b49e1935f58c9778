using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace NewsQA.Tools.Benchmarking;

/// <summary>
/// Runs one .NET engine's benchmark in a child process of this same program (`newsqa bench engine …`), so that each
/// engine's peak memory is its own and no engine runs on code another one warmed up.
/// </summary>
public static class EngineProcess
{
    public static async Task<EngineResult> RunAsync(string engine, string corpusPath, string questionsPath, string workFolder, CancellationToken cancellationToken)
    {
        var output = Path.Combine(workFolder, $"{engine}.json");
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardError = true, RedirectStandardOutput = true };
        // Started as `dotnet newsqa.dll`, the child needs the assembly path; started as the apphost, it does not.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var argument in new[] { "bench", "engine", engine, "--corpus-file", corpusPath, "--questions-file", questionsPath, "--index", Path.Combine(workFolder, $"{engine}-index"), "--output", output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException($"The {engine} benchmark failed: {(await error).Trim()}");
        return JsonSerializer.Deserialize<EngineResult>(await File.ReadAllTextAsync(output, cancellationToken), JsonOptions)!;
    }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
