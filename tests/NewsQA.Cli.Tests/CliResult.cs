namespace NewsQA.Cli.Tests;

/// <summary>What one run of `newsqa` did: exit code and both output streams.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>A .NET stack trace has lines starting "   at Namespace.Type.Method(".</summary>
    public bool HasStackTrace => (Output + Error).Contains("   at ", StringComparison.Ordinal) || Error.Contains("Exception", StringComparison.Ordinal);
}
