namespace NewsQA.Core.Answering.Evidence;

/// <summary>
/// Which of the answerability model's thresholds decide a refusal (<c>Answering:RefusalCalibration</c>): the general
/// ones, chosen to keep answering paraphrased, encyclopedia-style questions (ARCD's) as well as news questions, or the
/// ones chosen on the news questions written over the seed articles alone, which refuse far more near-topic questions
/// and decline more of the paraphrased kind.
/// </summary>
public enum RefusalCalibration
{
    General,
    News,
}
