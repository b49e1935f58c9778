using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests.Deploy;

/// <summary>
/// The programs deploy/ relies on (Debian's haproxy and redis-server, bash), run from the repository root to their end:
/// a program that is not installed fails the test with the package to install, as .ci/run installs it.
/// </summary>
public static class DeployCommand
{
    /// <summary>A file of the repository, by its path from the root.</summary>
    public static string InRepository(string path) => Path.Combine(BotProcess.RepositoryRoot, path);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(program, arguments, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts the program with its output redirected; the caller reads or drains it.</summary>
    public static Process Start(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = BotProcess.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        try
        {
            return Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            // The Debian packages are named as their programs (haproxy, redis-server).
            throw new InvalidOperationException($"{program} is not installed: apt-get install {program} (.ci/run does).", e);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
