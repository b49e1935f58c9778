using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NewsQA.Testing;

/// <summary>The bot service started as the README starts it, from its build output, on a free loopback port.</summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private BotProcess(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Whether the service is still the process that was started (it never exits or restarts on its own).</summary>
    public bool Running => !_process.HasExited;

    /// <summary>The service's process id, which stays the same for as long as it runs.</summary>
    public int ProcessId => _process.Id;

    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        // tests/<project>/bin/{Configuration}/net10.0 → src/NewsQA.Bot/bin/{Configuration}/net10.0
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = output.Parent!.Name;
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var bot = Path.Combine(root, "src", "NewsQA.Bot", "bin", configuration, output.Name, "NewsQA.Bot.dll");
        var folder = Path.Combine(Path.GetTempPath(), "newsqa-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add(bot);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["NEWSQA_Index__Path"] = Path.Combine(folder, "index");
        start.Environment["NEWSQA_Feedback__Path"] = Path.Combine(folder, "feedback.jsonl");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = ListeningPattern().Match(line);
            if (!match.Success) continue;
            _ = process.StandardOutput.ReadToEndAsync(); // keep draining so the service never blocks on its log
            return new BotProcess(process, folder, new Uri(match.Groups["url"].Value));
        }

        throw new InvalidOperationException($"The bot service did not start (exit code {(process.HasExited ? process.ExitCode : -1)}).");
    }

    /// <summary>Asks the service to stop as a service manager does (SIGTERM) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!)
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningPattern();
}
