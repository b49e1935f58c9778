using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using NewsQA.Core.Telemetry;

namespace NewsQA.Core.Prompts;

/// <summary>
/// Semantic Kernel's function-invocation filter: each prompt call gets a NewsQA span named after its prompt file (a
/// whole reply's GenAI span, from Microsoft.Extensions.AI, nests inside it; a streamed call's span ends once the stream
/// is open, and the GenAI span covers the stream) and its failure is marked on the span
/// and logged at Debug (the answerer says at Warning what it did about it).
/// </summary>
public sealed partial class PromptInvocationLog(ILogger<PromptInvocationLog> logger) : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        using var activity = NewsQATelemetry.Source.StartActivity($"prompt {context.Function.Name}");
        activity?.SetTag(NewsQATelemetry.PromptTag, context.Function.Name);
        activity?.SetTag(NewsQATelemetry.StreamingTag, context.IsStreaming);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
            LogFailed(logger, context.Function.Name, e.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The language model failed on prompt {Prompt}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string prompt, string reason);
}
