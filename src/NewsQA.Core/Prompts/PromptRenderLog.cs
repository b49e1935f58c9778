using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using NewsQA.Core.Telemetry;

namespace NewsQA.Core.Prompts;

/// <summary>
/// Semantic Kernel's prompt-render filter: records every rendered prompt's size in tokens on the current span and in
/// the log, and the rendered text itself only at Trace (prompts hold the user's question and article text).
/// </summary>
public sealed partial class PromptRenderLog(ILogger<PromptRenderLog> logger) : IPromptRenderFilter
{
    public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
    {
        await next(context).ConfigureAwait(false);
        var rendered = context.RenderedPrompt ?? string.Empty;
        var tokens = PromptBudget.CountTokens(rendered);
        Activity.Current?.SetTag(NewsQATelemetry.PromptTokensTag, tokens);
        LogRendered(logger, context.Function.Name, tokens, context.IsStreaming);
        if (logger.IsEnabled(LogLevel.Trace)) LogRenderedText(logger, context.Function.Name, rendered);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rendered prompt {Prompt}: {Tokens} tokens (streaming: {Streaming})")]
    private static partial void LogRendered(ILogger logger, string prompt, int tokens, bool streaming);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Prompt {Prompt} rendered as: {Text}")]
    private static partial void LogRenderedText(ILogger logger, string prompt, string text);
}
