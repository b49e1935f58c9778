namespace NewsQA.Core.Answering.Questions;

/// <summary>
/// One content word of a question as answer evidence reads it: the index terms that witness it in a sentence (its stem,
/// or in another language its translations, sound-alikes and number forms), the character grams of each alternative
/// (for inflected forms the stem misses), the consonant skeletons of its Arabic forms (for broken plurals), its idf weight, and what role it plays in the question.
/// </summary>
public sealed record QuestionWord(
    int Position,
    string Text,
    IReadOnlySet<string> Terms,
    IReadOnlyList<IReadOnlyList<string>> Grams,
    IReadOnlySet<string> Skeletons,
    double Weight,
    bool IsFocus,
    bool IsHead,
    bool IsPredicate,
    bool IsName,
    bool IsNumber);
