using Microsoft.Extensions.Options;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Models;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Configuration;

namespace NewsQA.Core.Answering.ShortAnswers;

/// <summary>
/// Decides whether a short answer leads: the best span of the asked kind in the cited sentence
/// (<see cref="ShortAnswerExtractor.BestOfKind(ReadQuestion, SentenceEvidence)"/>) gets a calibrated probability of being
/// right from the fitted gate (models/short-answer-gate.json, <see cref="ShortAnswerGateFeatures"/>), and is shown only at
/// or above the threshold chosen on held-out training folds for precision first (Answering:MinShortAnswerConfidence
/// overrides it). A span of another kind is never a candidate.
/// </summary>
public sealed class ShortAnswerGate(ShortAnswerExtractor extractor, IOptions<AnsweringOptions> options)
{
    private readonly Lazy<LinearModel> _model = new(() => LinearModel.Load(options.Value.ResolvedShortAnswerGateModelPath, ShortAnswerGateFeatures.Set.Names));

    /// <summary>The probability from which a short answer is shown.</summary>
    public double Threshold => options.Value.MinShortAnswerConfidence ?? _model.Value.Threshold;

    /// <summary>
    /// The candidate span of the asked kind and its probability of being right, or null when there is none;
    /// <paramref name="answerability"/> is the answerability model's probability that the sentence answers.
    /// </summary>
    public (KindCandidate Candidate, double Probability)? Judge(ReadQuestion question, SentenceEvidence sentence, double answerability)
    {
        if (extractor.BestOfKind(question, sentence) is not { } found) return null;
        var candidate = found with { Answerability = answerability };
        return (candidate, _model.Value.Probability(ShortAnswerGateFeatures.Set.Compute(candidate)));
    }
}
