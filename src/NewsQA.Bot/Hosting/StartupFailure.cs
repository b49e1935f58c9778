using Microsoft.Extensions.Options;

namespace NewsQA.Bot.Hosting;

/// <summary>
/// Whether an exception that stopped start-up is a wrong setting (a <see cref="StartupException"/> or a failed options
/// validation, alone or several together, as ValidateOnStart gathers them), and the one line to print for each.
/// </summary>
public static class StartupFailure
{
    /// <summary>The messages, each once; null when the exception is not about settings.</summary>
    public static IReadOnlyList<string>? Messages(Exception exception)
    {
        IReadOnlyList<Exception> causes = exception is AggregateException many ? [.. many.Flatten().InnerExceptions] : [exception];
        return causes.All(c => c is StartupException or OptionsValidationException) ? [.. causes.Select(c => c.Message).Distinct()] : null;
    }
}
