using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NewsQA.Testing;

/// <summary>
/// The bot service as a real process on a free loopback port: started from its build output over its copy of the seed
/// articles, or exactly as the README starts it (`dotnet run --project src/NewsQA.Bot`, typed in a folder laid out as
/// the repository root).
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _folder;

    private BotProcess(Process process, string? folder, Uri address)
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

    // tests/<project>/bin/{Configuration}/net10.0 → the repository root, and the configuration the tests were built in.
    private static (string Root, string Configuration, string Framework) Build()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        return (output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName, output.Parent!.Name, output.Name);
    }

    /// <summary>The repository the tests were built from.</summary>
    public static string RepositoryRoot => Build().Root;

    /// <summary>The service from its build output, in a temporary working directory, over the seed copy beside it.</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var (root, configuration, framework) = Build();
        var output = Path.Combine(root, "src", "NewsQA.Bot", "bin", configuration, framework);
        var folder = Path.Combine(Path.GetTempPath(), "newsqa-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(output, "NewsQA.Bot.dll"));
        start.Environment["NEWSQA_Corpus__Path"] = Path.Combine(output, "seeds");
        start.Environment["NEWSQA_Index__Path"] = Path.Combine(folder, "index");
        start.Environment["NEWSQA_Feedback__Path"] = Path.Combine(folder, "feedback.jsonl");
        return await StartAsync(start, environment, folder);
    }

    /// <summary>
    /// The service from its build output with settings that should stop its start-up: its exit code and what it wrote to
    /// standard error, once it has exited.
    /// </summary>
    public static async Task<(int ExitCode, string Error)> RunUntilExitAsync(IReadOnlyDictionary<string, string> environment)
    {
        var (root, configuration, framework) = Build();
        var output = Path.Combine(root, "src", "NewsQA.Bot", "bin", configuration, framework);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = output };
        start.ArgumentList.Add(Path.Combine(output, "NewsQA.Bot.dll"));
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The bot service did not stop within two minutes: its start-up was not refused.");
        }

        return (process.ExitCode, await error);
    }

    /// <summary>
    /// `dotnet run --project src/NewsQA.Bot` typed in <paramref name="workingDirectory"/> (without rebuilding: the tests
    /// have built it), whose relative paths (Corpus:Path's seeds/, Index:Path's .newsqa/) are the service's.
    /// </summary>
    public static async Task<BotProcess> RunInAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (root, configuration, _) = Build();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        foreach (var argument in new[] { "run", "--no-build", "--no-launch-profile", "-c", configuration, "--project", Path.Combine(root, "src", "NewsQA.Bot"), "--" })
        {
            start.ArgumentList.Add(argument);
        }

        return await StartAsync(start, environment, null);
    }

    private static async Task<BotProcess> StartAsync(ProcessStartInfo start, IReadOnlyDictionary<string, string>? environment, string? folder)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = ListeningPattern().Match(line);
            if (!match.Success) continue;
            _ = process.StandardOutput.ReadToEndAsync(); // keep draining so the service never blocks on its log
            return new BotProcess(process, folder, new Uri(match.Groups["url"].Value));
        }

        throw new InvalidOperationException($"The bot service did not start (exit code {(process.HasExited ? process.ExitCode : -1)}).");
    }

    /// <summary>Waits until the service's index is loaded (GET /healthz is 200), as a load balancer's health check does.</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while ((await client.GetAsync(new Uri("/healthz", UriKind.Relative), timeout.Token)).StatusCode != System.Net.HttpStatusCode.OK)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Kills the service at once (SIGKILL, as `kill -9`): nothing of it runs on, nothing is flushed.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
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
        if (_folder is null) return;
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
