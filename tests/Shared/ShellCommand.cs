using System.Diagnostics;

namespace NewsQA.Testing;

/// <summary>Runs a /bin/sh command for a test's set-up (a named pipe, a file name that is not UTF-8, a signal) and requires it to succeed.</summary>
public static class ShellCommand
{
    public static void Run(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command } })!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"'{command}' exited with {process.ExitCode}");
    }
}
