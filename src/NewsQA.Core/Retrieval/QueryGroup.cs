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

    /// <summary>
    /// Whether the articles' using none of the group's terms counts against their answering the question (answer
    /// evidence): true for a translated word, whose absence means the articles do not speak of it; false for a word the
    /// lexicon cannot render ("quarterback"), whose absence says nothing.
    /// </summary>
    public bool AbsenceCounts { get; init; } = true;

    /// <summary>
    /// Whether the group is one of the question's words for answer evidence. A character gram of a word's translation
    /// alternatives is not: it helps retrieval meet the other forms of the word, but the articles use one alternative
    /// at most, so judging by the share of all their grams would count the unused alternatives against the answer.
    /// </summary>
    public bool IsEvidence { get; init; } = true;
}
