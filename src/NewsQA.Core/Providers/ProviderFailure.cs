using System.ClientModel;
using System.Text.Json;
using Microsoft.SemanticKernel;

namespace NewsQA.Core.Providers;

/// <summary>
/// The kinds of exception a provider's misbehaviour raises through the OpenAI SDK and Semantic Kernel: an HTTP error
/// or a cut connection (HttpIOException is an IOException), JSON that does not parse (System.Text.Json's reader
/// exception is a JsonException), an error status, a timeout or the answer's deadline, or Polly's rejection. Every
/// caller of a model falls back on any exception; this tells the expected ones, logged as warnings, from a fault in
/// NewsQA, logged as an error with its stack.
/// </summary>
public static class ProviderFailure
{
    public static bool Is(Exception e) =>
        e is HttpRequestException or IOException or JsonException or ClientResultException or TimeoutException or OperationCanceledException
            or KernelException or Polly.ExecutionRejectedException
        || (e.InnerException is { } inner && Is(inner));

    /// <summary>Whether the exception is anything but the process's own distress, which no fallback can help.</summary>
    public static bool IsRecoverable(Exception e) => e is not (OutOfMemoryException or InsufficientExecutionStackException);
}
