using System.Diagnostics;

namespace NewsQA.Cli.Tests;

/// <summary>Runs the built `newsqa` program as a separate process, the way a user does, and captures what it prints.</summary>
public static class NewsQACli
{
    public static string Seeds => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    public static async Task<CliResult> RunWithInputAsync(string? input, params string[] args)
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
