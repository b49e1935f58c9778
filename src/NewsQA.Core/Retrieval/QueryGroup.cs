namespace NewsQA.Core.Retrieval;

/// <summary>
/// Alternative terms for one source word (its translations, transliterations), scored as one term in the manner of
/// Pirkola's structured queries (SIGIR 1998): term frequencies summed, document frequency over the union. An ambiguous
/// word with many translations then weighs as one word, not as many.
/// </summary>
public sealed record QueryGroup(IReadOnlyList<string> Terms, double Weight)
{
    /// <summary>
    /// The group's words as written (translations before stemming), when known: character grams are taken from them,
    /// as the index takes its grams from the words of the articles, not from their stems.
    /// </summary>
    public IReadOnlyList<string> Words { get; init; } = [];
}
