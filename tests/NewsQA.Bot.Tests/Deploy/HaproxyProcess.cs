using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace NewsQA.Bot.Tests.Deploy;

/// <summary>
/// Debian's haproxy with deploy/haproxy.cfg as deploy/local-cluster.sh renders it (one server line per replica), on
/// free loopback ports, in front of running bot processes; its log lines (one per request, naming the replica that
/// served it) are kept for the test to read.
/// </summary>
public sealed class HaproxyProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private HaproxyProcess(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public ConcurrentQueue<string> Log { get; } = new();

    public static async Task<HaproxyProcess> StartAsync(IEnumerable<Uri> replicas)
    {
        var (exitCode, config, error) = await DeployCommand.RunAsync("bash",
            [DeployCommand.InRepository("deploy/local-cluster.sh"), "haproxy-config", .. replicas.Select(r => r.Authority)]);
        if (exitCode != 0) throw new InvalidOperationException($"local-cluster.sh haproxy-config failed: {error}");
        var folder = Directory.CreateTempSubdirectory("newsqa-haproxy").FullName;
        var file = Path.Combine(folder, "haproxy.cfg");
        await File.WriteAllTextAsync(file, config);

        var port = DeployCommand.FreePort();
        var process = DeployCommand.Start("haproxy", ["-db", "-f", file], new Dictionary<string, string>
        {
            ["NEWSQA_HAPROXY_BIND"] = $"127.0.0.1:{port}", ["NEWSQA_HAPROXY_STATS"] = $"127.0.0.1:{DeployCommand.FreePort()}",
        });
        var haproxy = new HaproxyProcess(process, folder, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => { if (line.Data is { } data) haproxy.Log.Enqueue(data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is { } data) haproxy.Log.Enqueue(data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await haproxy.WaitUntilReadyAsync();
        return haproxy;
    }

    /// <summary>The replica (replica1, replica2, ...) that served the last logged request whose method and path start as given.</summary>
    public string? ServedBy(string request) =>
        Log.LastOrDefault(l => l.Contains("{" + request, StringComparison.Ordinal)) is { } line
            ? line.Split(' ').FirstOrDefault(w => w.StartsWith("replicas/", StringComparison.Ordinal))?["replicas/".Length..]
            : null;

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"haproxy exited with {_process.ExitCode}: {string.Join('\n', Log)}");
            try
            {
                if ((await client.GetAsync(new Uri("/healthz", UriKind.Relative), timeout.Token)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
