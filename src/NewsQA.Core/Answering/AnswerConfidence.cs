namespace NewsQA.Core.Answering;

/// <summary>
/// How sure an answer is, shown in every channel: <see cref="Answered"/> (the cited sentence answers the question),
/// <see cref="Closest"/> (the articles may not answer it exactly; the closest passage is quoted, with no short answer in
/// bold), <see cref="None"/> (the refusal: nothing in the articles answers it).
/// </summary>
public enum AnswerConfidence
{
    Answered,
    Closest,
    None,
}
