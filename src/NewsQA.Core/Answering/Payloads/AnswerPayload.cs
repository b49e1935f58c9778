using NewsQA.Core.Answering.ShortAnswers;

namespace NewsQA.Core.Answering.Payloads;

/// <summary>
/// The JSON shape of an answer, shared by `newsqa ask --json` and the REST API:
/// question, language, answer, grounded, mode, confidence (answered, closest or none), citations (marker, passage, whole paragraph text, sentence span, and
/// the article's source, published and url when it has them).
/// </summary>
public sealed record AnswerPayload(
    string Question,
    string Language,
    string Answer,
    bool Grounded,
    string Mode,
    string Kind,
    string Confidence,
    double Evidence,
    IReadOnlyList<CitationPayload> Citations)
{
    /// <summary>See <see cref="Answering.Answer.Answerability"/>; absent when not computed.</summary>
    public double? Answerability { get; init; }

    /// <summary>The short answer leading the text; absent when there is none.</summary>
    public ShortAnswerPayload? ShortAnswer { get; init; }

    public static AnswerPayload From(Answer answer) => new(
        answer.Question,
        answer.LanguageCode,
        answer.Text,
        answer.Grounded,
        answer.Mode == AnswerMode.Llm ? "llm" : "local",
        answer.Kind.ToString().ToLowerInvariant(),
        answer.Confidence.ToString().ToLowerInvariant(),
        Math.Round(answer.Evidence, 4),
        [.. answer.Citations.Select(CitationPayload.From)])
    {
        Answerability = answer.Answerability is { } p ? Math.Round(p, 4) : null,
        ShortAnswer = answer.ShortAnswer is { } s
            ? new ShortAnswerPayload(s.Text, s.Original, s.Citation, s.Kind?.ToString().ToLowerInvariant(), s.Transliterated ? true : null, Math.Round(s.Confidence, 4))
            : null,
    };
}
