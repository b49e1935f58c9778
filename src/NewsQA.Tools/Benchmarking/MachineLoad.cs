namespace NewsQA.Tools.Benchmarking;

/// <summary>The machine's load, for benchmarks on a shared machine to print beside their numbers.</summary>
public static class MachineLoad
{
    /// <summary>The 1, 5 and 15 minute load averages where the system tells them (Linux), else "unknown".</summary>
    public static string Averages() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
