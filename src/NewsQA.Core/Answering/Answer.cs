using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Answering.ShortAnswers;
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
    /// <summary>
    /// The fitted probability that the first cited sentence answers the question (models/answerability.json), for
    /// offline factoid answers and the refusals it decided; null otherwise.
    /// </summary>
    public double? Answerability { get; init; }

    /// <summary>The short answer that leads the text (a name, a number, a date, a place), when there is one.</summary>
    public ShortAnswer? ShortAnswer { get; init; }

    /// <summary>
    /// The person, place or organization the cited sentence gives for the question (the short answer's span, whether or
    /// not it was sure enough to show): what a follow-up's "he", "there", "it" refers to.
    /// </summary>
    public string? Named { get; init; }

    /// <summary>How sure the answer is; a grounded answer is <see cref="AnswerConfidence.Answered"/> and an ungrounded one <see cref="AnswerConfidence.None"/> unless the answerer says otherwise.</summary>
    public AnswerConfidence Confidence
    {
        get => _confidence ?? (Grounded ? AnswerConfidence.Answered : AnswerConfidence.None);
        init => _confidence = value;
    }

    private readonly AnswerConfidence? _confidence;

    /// <summary>"ar" or "en", as the JSON contract writes the language.</summary>
    public string LanguageCode => Language == TextLanguage.Arabic ? "ar" : "en";
}
