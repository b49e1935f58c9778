using NewsQA.Core.Text;

namespace NewsQA.Core.Retrieval;

/// <summary>Offline: no rewrite; the lexicon's translation groups carry the question across languages.</summary>
public sealed class NoQueryRewriter : IQueryRewriter
{
    public Task<string?> RewriteAsync(string question, TextLanguage target, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
