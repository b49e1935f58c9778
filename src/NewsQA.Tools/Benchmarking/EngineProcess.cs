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
        string[] arguments = ["bench", "engine", engine, "--corpus-file", corpusPath, "--questions-file", questionsPath, "--index", Path.Combine(workFolder, $"{engine}-index"), "--output", output];
        await RunChildAsync(engine, arguments, Timeout.InfiniteTimeSpan, cancellationToken);
        return JsonSerializer.Deserialize<EngineResult>(await File.ReadAllTextAsync(output, cancellationToken), JsonOptions)!;
    }

    /// <summary>
    /// Runs `newsqa` with these arguments as a child process; false when it was still running after
    /// <paramref name="limit"/> and was stopped (with its children), so a too-slow size ends with the time it ran.
    /// </summary>
    public static async Task<bool> RunChildAsync(string engine, IEnumerable<string> arguments, TimeSpan limit, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardError = true, RedirectStandardOutput = true };
        // Started as `dotnet newsqa.dll`, the child needs the assembly path; started as the apphost, it does not.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }

        await output;
        if (process.ExitCode != 0) throw new InvalidOperationException($"The {engine} benchmark failed: {(await error).Trim()}");
        return true;
    }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
