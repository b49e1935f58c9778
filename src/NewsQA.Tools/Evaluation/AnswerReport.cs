namespace NewsQA.Tools.Evaluation;

/// <summary>
/// Answer quality over a question set: how often the first cited sentence contains the gold answer text, how often
/// the cited passage is the question's own context, how often the bot declined, and speed.
/// </summary>
public sealed record AnswerReport(
    string Dataset,
    string Mode,
    int Questions,
    int Passages,
    double FirstCitedSentenceHasAnswer,
    double FirstCitationIsGoldPassage,
    double Refused,
    double QuestionsPerSecond);
