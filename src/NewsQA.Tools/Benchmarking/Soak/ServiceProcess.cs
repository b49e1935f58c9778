using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NewsQA.Tools.Benchmarking.Soak;

/// <summary>
/// The bot service in a process of its own, started from its build output as `dotnet run --project src/NewsQA.Bot`
/// starts it, on a free loopback port, over a corpus folder and an index folder of the benchmark's: so the memory a
/// soak measures is the service's alone. Disposing it stops it.
/// </summary>
public sealed partial class ServiceProcess : IDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(2);

    private readonly Process _process;

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public bool Running => !_process.HasExited;

    /// <summary>The service's resident memory now (its working set, as the system counts it).</summary>
    public long ResidentBytes()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    /// <summary>
    /// The bot built beside this program: src/NewsQA.Bot/bin/{configuration}/{framework}/NewsQA.Bot.dll, found from the
    /// build output this program runs from (its own project's or a test project's), or null when it is not there.
    /// </summary>
    public static string? BuiltBot()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var root = output.Parent?.Parent?.Parent?.Parent?.Parent;
        if (root is null) return null;
        var bot = Path.Combine(root.FullName, "src", "NewsQA.Bot", "bin", output.Parent!.Name, output.Name, "NewsQA.Bot.dll");
        return File.Exists(bot) ? bot : null;
    }

    /// <summary>Starts the bot at <paramref name="botPath"/> (its NewsQA.Bot.dll) answering from <paramref name="corpus"/>.</summary>
    public static async Task<ServiceProcess> StartAsync(string botPath, string corpus, string work, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work };
        start.ArgumentList.Add(botPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["NEWSQA_Corpus__Path"] = corpus;
        start.Environment["NEWSQA_Index__Path"] = Path.Combine(work, "index");
        start.Environment["NEWSQA_Feedback__Path"] = Path.Combine(work, "feedback.jsonl");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet {botPath} did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();

        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(StartPatience);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(patience.Token) is { } line)
            {
                var match = ListeningPattern().Match(line);
                if (!match.Success) continue;
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None); // drained, so the service never blocks on its log
                return new ServiceProcess(process, new Uri(match.Groups["url"].Value));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Fall through: not listening within the patience.
        }

        var exited = process.HasExited ? $"exit code {process.ExitCode}" : $"not listening after {StartPatience.TotalSeconds:0} s";
        Stop(process);
        throw new InvalidOperationException($"The bot at {botPath} did not start ({exited}).");
    }

    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningPattern();
}
