namespace NewsQA.Core.Corpus;

/// <summary>
/// What writing an article into the folder did: written as <see cref="DocumentId"/> at <see cref="Path"/>, or not
/// written because the folder already holds it (<see cref="DuplicateOf"/>, and why).
/// </summary>
public sealed record ArticleWrite(string DocumentId, string? Path, string? DuplicateOf, string? Reason)
{
    public bool Written => DuplicateOf is null;
}
