using NewsQA.Core.Text;

namespace NewsQA.Core.Answering;

/// <summary>
/// An answer as every host shows it: text with [n] markers, and per marker the passage and supporting sentence.
/// <see cref="Grounded"/> is false for a refusal (and then there are no citations). <see cref="Evidence"/> is how
/// strongly the best passage sentence matched the question (0 to 1), the quantity the refusal threshold applies to.
/// </summary>
public sealed record Answer(
    string Question,
    string StandaloneQuestion,
    TextLanguage Language,
    string Text,
    bool Grounded,
    AnswerMode Mode,
    AnswerKind Kind,
    IReadOnlyList<Citation> Citations,
    double Evidence)
{
    /// <summary>"ar" or "en", as the JSON contract writes the language.</summary>
    public string LanguageCode => Language == TextLanguage.Arabic ? "ar" : "en";
}
