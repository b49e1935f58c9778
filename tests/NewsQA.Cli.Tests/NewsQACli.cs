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

    /// <summary>Starts `newsqa` and leaves it running, its output redirected, for a test that acts on it while it runs.</summary>
    public static Process Start(Dictionary<string, string?> environment, params string[] args) => Process.Start(StartInfo(false, environment, args))!;

    /// <summary>The same with its standard input open, for a test that types into it while it runs.</summary>
    public static Process StartWithInput(Dictionary<string, string?> environment, params string[] args) => Process.Start(StartInfo(true, environment, args))!;

    private static async Task<CliResult> RunAsync(string? input, Dictionary<string, string?> environment, string[] args)
    {
        using var process = Process.Start(StartInfo(input is not null, environment, args))!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // a hung run must not outlive its test
            throw new TimeoutException($"newsqa {string.Join(' ', args)} did not finish in 3 minutes");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo StartInfo(bool redirectInput, Dictionary<string, string?> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = redirectInput,
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

        return start;
    }
}
