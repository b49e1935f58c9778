namespace NewsQA.Core.Retrieval;

/// <summary>
/// Alternative terms for one source word (its translations, transliterations), scored as one term in the manner of
/// Pirkola's structured queries (SIGIR 1998): term frequencies summed, document frequency over the union. An ambiguous
/// word with many translations then weighs as one word, not as many.
/// </summary>
public sealed record QueryGroup(IReadOnlyList<string> Terms, double Weight);
