using System.ClientModel;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using NewsQA.Core.Prompts;
using NewsQA.Core.Text;

namespace NewsQA.Core.Retrieval;

/// <summary>The translate-query prompt through Semantic Kernel; a provider failure means no rewrite, never a failed search.</summary>
public sealed partial class PromptQueryRewriter(Kernel kernel, PromptFunctions prompts, ILogger<PromptQueryRewriter> logger) : IQueryRewriter
{
    public async Task<string?> RewriteAsync(string question, TextLanguage target, CancellationToken cancellationToken)
    {
        try
        {
            var arguments = new KernelArguments { ["question"] = question, ["target_language"] = target == TextLanguage.Arabic ? "Arabic" : "English" };
            var reply = await prompts.InvokeAsync(kernel, PromptNames.TranslateQuery, arguments, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(reply) ? null : reply.Trim();
        }
        catch (Exception e) when (e is HttpRequestException or ClientResultException or TimeoutException or KernelException or Polly.ExecutionRejectedException
                                     || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFailed(logger, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model could not translate the question ({Reason}); searching with the lexicon's translation only")]
    private static partial void LogFailed(ILogger logger, string reason);
}
