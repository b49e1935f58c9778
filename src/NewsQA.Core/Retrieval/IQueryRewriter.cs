using NewsQA.Core.Text;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Rewrites a question into the articles' language for retrieval, beside the lexicon's translation: by the model's
/// translate-query prompt (<see cref="PromptQueryRewriter"/>), or not at all offline (<see cref="NoQueryRewriter"/>).
/// </summary>
public interface IQueryRewriter
{
    /// <summary>The question in <paramref name="target"/>, or null when there is no rewrite.</summary>
    Task<string?> RewriteAsync(string question, TextLanguage target, CancellationToken cancellationToken);
}
