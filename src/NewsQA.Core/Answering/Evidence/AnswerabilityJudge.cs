using Microsoft.Extensions.Options;
using NewsQA.Core.Answering.Models;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Configuration;
using NewsQA.Core.CrossLingual;
using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Evidence;

/// <summary>
/// Decides whether a sentence answers a question: the question is read into its words once, the sentence's
/// <see cref="AnswerabilityFeatures"/> are computed, and the fitted answerability model (models/answerability.json)
/// gives the probability that it answers; below the threshold the answerer declines.
/// </summary>
public sealed class AnswerabilityJudge(QueryBuilder queries, QueryTranslator translator, IOptions<AnsweringOptions> options)
{
    private readonly Lazy<LinearModel> _model = new(() => LinearModel.Load(options.Value.ResolvedAnswerabilityModelPath, AnswerabilityFeatures.Names));

    /// <summary>The probability below which an answer from this sentence is a refusal.</summary>
    public double Threshold(ReadQuestion question, SentenceEvidence candidate) =>
        options.Value.MinAnswerability ?? _model.Value.ThresholdFor(options.Value.ResolvedRefusalCalibration, IsCrossLingual(question, candidate));

    /// <summary>The probability from which an answer from this sentence is answered rather than the closest passage.</summary>
    public double AnsweredThreshold(ReadQuestion question, SentenceEvidence candidate) =>
        options.Value.MinAnswered ?? (IsCrossLingual(question, candidate) ? _model.Value.AnsweredCrossLingualThreshold : _model.Value.AnsweredThreshold) ?? 0;

    /// <summary>The confidence level of an answer from this sentence with this answerability.</summary>
    public AnswerConfidence Level(ReadQuestion question, SentenceEvidence candidate, double probability) =>
        probability < Threshold(question, candidate) ? AnswerConfidence.None
        : probability < AnsweredThreshold(question, candidate) ? AnswerConfidence.Closest
        : AnswerConfidence.Answered;

    /// <summary>Whether the sentence is in another language than the question (its evidence passed through translation).</summary>
    public static bool IsCrossLingual(ReadQuestion question, SentenceEvidence candidate) =>
        LanguageDetector.DetectAnswerLanguage(candidate.Passage.Text) != question.Language;

    /// <summary>The question read for answer evidence over this index (translated word by word when retrieval translates it).</summary>
    public ReadQuestion Read(string question, PassageIndex index)
    {
        var target = queries.TranslationTarget(index, question);
        var words = QuestionWords.Read(question, index, target is null ? null : translator, target);
        var language = LanguageDetector.DetectAnswerLanguage(question);
        return new ReadQuestion(question, words, AnswerTypeDetector.Detect(question), PassageIndex.Idf(index.Count, 0), language) { Entities = CorpusNames.Of(index) };
    }

    /// <summary>The features of a candidate sentence.</summary>
    public static double[] Features(ReadQuestion question, SentenceEvidence candidate) =>
        AnswerabilityFeatures.Compute(question, candidate);

    /// <summary>The probability that the candidate sentence answers the question.</summary>
    public double Probability(ReadQuestion question, SentenceEvidence candidate) => _model.Value.Probability(Features(question, candidate));
}
