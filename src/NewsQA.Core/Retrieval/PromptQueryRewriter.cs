using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using NewsQA.Core.Prompts;
using NewsQA.Core.Providers;
using NewsQA.Core.Text;

namespace NewsQA.Core.Retrieval;

/// <summary>The translate-query prompt through Semantic Kernel; any failure (the provider, its reply, the answer's deadline) means no rewrite, never a failed search.</summary>
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
        catch (Exception e) when (ProviderFailure.IsRecoverable(e))
        {
            // The answer's deadline, a malformed reply or a fault: the search goes on with the lexicon's translation.
            LogFailed(logger, e.GetType().Name, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model could not translate the question ({Kind}: {Reason}); searching with the lexicon's translation only")]
    private static partial void LogFailed(ILogger logger, string kind, string reason);
}
