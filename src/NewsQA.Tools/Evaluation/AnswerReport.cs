namespace NewsQA.Tools.Evaluation;

/// <summary>
/// Answer quality over a question set: how often the first cited sentence contains the gold answer text, how often
/// the cited passage is the question's own context, how often the bot declined, and speed; and the short answer's
/// exact match and token F1 against the gold answers (SQuAD's metric, <see cref="AnswerMetrics"/>; a question with no
/// short answer scores 0), how often one was given, and its F1 had the extractor always given its best span.
/// </summary>
public sealed record AnswerReport(
    string Dataset,
    string Mode,
    int Questions,
    int Passages,
    double FirstCitedSentenceHasAnswer,
    double FirstCitationIsGoldPassage,
    double Refused,
    double QuestionsPerSecond)
{
    public double ShortAnswerGiven { get; init; }

    /// <summary>Of the short answers given, the share right (F1 against a gold answer at least <see cref="FirstLine.MinF1"/>).</summary>
    public double ShortAnswerRight { get; init; }

    /// <summary>The share of questions answered at the <c>answered</c> level (the refused are <see cref="Refused"/>).</summary>
    public double Answered { get; init; }

    /// <summary>The share of questions given the closest passage (<c>closest</c>).</summary>
    public double Closest { get; init; }

    public double ShortAnswerExactMatch { get; init; }

    public double ShortAnswerF1 { get; init; }

    /// <summary>F1 of the best span of the first cited sentence, given whether or not the answer led with it.</summary>
    public double ShortAnswerF1IfAlwaysGiven { get; init; }

    /// <summary>With questions from a parallel file: F1 of the short answer's text (written for the reader) against that file's gold answers.</summary>
    public double? ShortAnswerTextF1AgainstQuestionLanguage { get; init; }
}
