using System.ComponentModel.DataAnnotations;
using NewsQA.Core.Answering.Evidence;

namespace NewsQA.Core.Configuration;

/// <summary>Section "Answering": how answers are composed and when the bot declines.</summary>
public sealed class AnsweringOptions : IValidatableObject
{
    public const string SectionName = "Answering";

    /// <summary>Passages retrieved for a factoid question (numbered [1]..[n] for a language model).</summary>
    [Range(1, 20)]
    public int Passages { get; set; } = 5;

    /// <summary>
    /// Below this evidence (the share of the question's idf-weighted terms found in the best sentence) the answer is a
    /// refusal. Measured on the seed questions (docs/answering.md, Refusals): off-topic questions reach at most 0.19, answerable
    /// ones at least 0.34; 0.25 is about midway, rounded toward answering.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinEvidence { get; set; } = 0.25;

    /// <summary>
    /// The fitted answerability model (models/answerability.json, shipped beside every host; `newsqa train` refits it):
    /// whether the best sentence answers the question, from what a reader checks. A relative path is read as
    /// <see cref="ConfiguredPath.Shipped"/> says.
    /// </summary>
    [Required]
    public string AnswerabilityModelPath { get; set; } = "models/answerability.json";

    public string ResolvedAnswerabilityModelPath => ConfiguredPath.Shipped(AnswerabilityModelPath);

    /// <summary>
    /// Below this answerability (0 to 1) the answer is a refusal; empty to use the threshold chosen when the model was
    /// fitted (recorded in the model file and in docs/lab/EXPERIMENTS.md). Lower answers more and refuses less.
    /// </summary>
    [Range(0.0, 1.0)]
    public double? MinAnswerability { get; set; }

    /// <summary>
    /// From this answerability (0 to 1) an answer is <c>answered</c>; below it, and above the refusal threshold, it is
    /// <c>closest</c> (the closest passage quoted, no short answer). Empty to use the thresholds chosen when the model was
    /// fitted (on the seed news questions: at most a fifth of near-topic training questions answered, held out).
    /// </summary>
    [Range(0.0, 1.0)]
    public double? MinAnswered { get; set; }

    /// <summary>
    /// Which fitted thresholds apply when <see cref="MinAnswerability"/> is empty: <c>General</c> (chosen on ARCD's
    /// training questions and the seed news questions together) or <c>News</c> (on the seed news questions alone).
    /// </summary>
    [AllowedValues(nameof(Answering.Evidence.RefusalCalibration.General), nameof(Answering.Evidence.RefusalCalibration.News), ErrorMessage = "Answering:RefusalCalibration must be General or News.")]
    public string RefusalCalibration { get; set; } = nameof(Answering.Evidence.RefusalCalibration.General);

    // Read as a string and checked at start-up, so that a misspelt value is named there rather than failing to convert.
    public RefusalCalibration ResolvedRefusalCalibration =>
        Enum.TryParse<RefusalCalibration>(RefusalCalibration, out var calibration) ? calibration : Answering.Evidence.RefusalCalibration.General;

    /// <summary>The fitted short-answer model (models/short-answer.json): which span of the cited sentence answers.</summary>
    [Required]
    public string ShortAnswerModelPath { get; set; } = "models/short-answer.json";

    public string ResolvedShortAnswerModelPath => ConfiguredPath.Shipped(ShortAnswerModelPath);

    /// <summary>
    /// The fitted short-answer gate (models/short-answer-gate.json): the probability that the best span of the asked kind
    /// is right, and the threshold from which it leads the answer.
    /// </summary>
    [Required]
    public string ShortAnswerGateModelPath { get; set; } = "models/short-answer-gate.json";

    public string ResolvedShortAnswerGateModelPath => ConfiguredPath.Shipped(ShortAnswerGateModelPath);

    /// <summary>
    /// From this probability of being right (0 to 1) a short answer is shown in bold; empty to use the threshold chosen
    /// when the gate was fitted (the lowest at which at least 0.85 of held-out training spans shown were right).
    /// </summary>
    [Range(0.0, 1.0)]
    public double? MinShortAnswerConfidence { get; set; }

    /// <summary>Most bullets in an extractive summary (at least three are given when the articles have them).</summary>
    [Range(3, 12)]
    public int SummaryBullets { get; set; } = 5;

    /// <summary>Passages a topic summary draws its sentences from.</summary>
    [Range(3, 50)]
    public int SummaryPassages { get; set; } = 8;

    /// <summary>Turns of history kept for follow-ups.</summary>
    [Range(1, 50)]
    public int HistoryTurns { get; set; } = 6;

    // The model files ship beside every host; a path that names no file is a setting's mistake, reported at start-up.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!File.Exists(ResolvedAnswerabilityModelPath))
        {
            yield return new ValidationResult($"Answering:AnswerabilityModelPath: no model file at {ResolvedAnswerabilityModelPath}.", [nameof(AnswerabilityModelPath)]);
        }

        if (!File.Exists(ResolvedShortAnswerModelPath))
        {
            yield return new ValidationResult($"Answering:ShortAnswerModelPath: no model file at {ResolvedShortAnswerModelPath}.", [nameof(ShortAnswerModelPath)]);
        }

        if (!File.Exists(ResolvedShortAnswerGateModelPath))
        {
            yield return new ValidationResult($"Answering:ShortAnswerGateModelPath: no model file at {ResolvedShortAnswerGateModelPath}.", [nameof(ShortAnswerGateModelPath)]);
        }
    }
}
