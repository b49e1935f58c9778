using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NewsQA.Cli;

/// <summary>
/// Runs a command's body inside a started host and turns every expected failure into one line on standard error and
/// an exit code: 2 for bad usage, 1 for failures. Nothing a user types ends in a stack trace.
/// </summary>
public static class CommandRunner
{
    public static Task<int> RunAsync(Func<IHost, CancellationToken, Task<int>> body, CancellationToken cancellationToken) =>
        RunAsync(body, null, cancellationToken);

    /// <summary>Runs with settings that command-line flags override (for example Retrieval:Translate for --no-translate).</summary>
    public static async Task<int> RunAsync(Func<IHost, CancellationToken, Task<int>> body, IReadOnlyDictionary<string, string?>? overrides, CancellationToken cancellationToken)
    {
        using var signals = new TerminationSignals(cancellationToken);
        try
        {
            using var host = await CliHost.StartAsync(overrides, signals.Token).ConfigureAwait(false);
            return await body(host, signals.Token).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OptionsValidationException e)
        {
            var failures = string.Join("; ", e.Failures.Select(f => f.TrimEnd('.')));
            var pointer = failures.Contains("See ", StringComparison.OrdinalIgnoreCase) ? string.Empty : " See docs/configuration.md.";
            await Console.Error.WriteLineAsync($"error: invalid settings ({e.OptionsType.Name}): {failures}.{pointer}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
#pragma warning disable CA1031 // The last line of defence: a bug must still end in one line, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var details = Environment.GetEnvironmentVariable("NEWSQA_DEBUG") == "1" ? e.ToString() : $"{e.GetType().Name}: {e.Message} (set NEWSQA_DEBUG=1 for details)";
            await Console.Error.WriteLineAsync($"error: unexpected failure, please report it: {details}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
