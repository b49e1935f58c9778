using System.Diagnostics;

namespace NewsQA.Cli.Tests;

/// <summary>Runs the built `newsqa` program as a separate process, the way a user does, and captures what it prints.</summary>
public static class NewsQACli
{
    public static string Seeds => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    public static Task<CliResult> RunWithInputAsync(string? input, params string[] args) => RunAsync(input, [], args);

    /// <summary>Runs with extra environment variables; a null value removes the variable.</summary>
    public static Task<CliResult> RunWithEnvironmentAsync(Dictionary<string, string?> environment, params string[] args) => RunAsync(null, environment, args);

    private static async Task<CliResult> RunAsync(string? input, Dictionary<string, string?> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "newsqa.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(Path.GetTempPath(), "newsqa-cli-tests-cache");
        foreach (var (key, value) in environment)
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
