using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Models;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Configuration;
using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Text;

namespace NewsQA.Tools.Evaluation;

/// <summary>
/// Fits the answerability model on training data only: ARCD's training split (each question with the sentence of its
/// own paragraph that holds the answer as a positive, and as a negative the best sentence of the best-ranked paragraph
/// that is not its own, as SQuAD 2.0 builds unanswerable questions, asked over the articles without its own paragraph,
/// and the best sentence left when the answer's sentences are taken out of its own paragraph)
/// and the questions written over the seed articles (their unanswerable ones are negatives as the answerer meets them). The threshold is chosen by cross-validation on
/// the same data: the highest that declines at most <see cref="DeclineBudget"/> of the answerable training questions,
/// and <see cref="CorrectDeclineBudget"/> of those the answerer gets right, in each source as the answerer meets them
/// (its own chosen sentence, the evidence floor too).
/// </summary>
public sealed class AnswerabilityTrainer(QuestionAsker asker, IOptions<AnsweringOptions> options)
{
    /// <summary>
    /// The share of answerable questions the threshold may decline (issue 13 allows 0.08 declined on XQuAD, where the
    /// evidence floor alone declines 0.025), and the share of correct answers it may take back (it allows the first
    /// cited sentence's accuracy to fall from 0.708 to 0.70, about 1 in 100).
    /// </summary>
    public const double DeclineBudget = 0.05;

    /// <inheritdoc cref="DeclineBudget"/>
    public const double CorrectDeclineBudget = 0.01;

    /// <summary>L2 penalty on the weights (not the bias), a conventional mild value for a few dozen features.</summary>
    public const double L2 = 1.0;

    private const int Folds = 5;

    private static readonly double[] CurveThresholds = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

    /// <summary>The labelled examples of every question.</summary>
    public async Task<List<TrainingExample>> CollectAsync(IEnumerable<TrainingQuestion> questions, CancellationToken cancellationToken)
    {
        var passages = options.Value.Passages;
        var examples = new List<TrainingExample>();
        foreach (var question in questions)
        {
            var index = question.Corpus.Full;
            var (read, runtimeHits, evidence) = await AskAsync(question.Text, index, passages, cancellationToken).ConfigureAwait(false);
            if (evidence.Count == 0) continue;
            var rivals = LeadingSentence.Rivals(read, evidence, options.Value.MinEvidence)
                .Select(e => Example(question, read, e, question.IsAnswerable && Holds(e, question) ? 1 : 0, runtime: true)).ToList();
            examples.Add(Example(question, read, evidence[0], question.IsAnswerable && Holds(evidence[0], question) ? 1 : 0, runtime: true) with { Rivals = rivals.Count > 1 ? rivals : null });
            if (!question.IsAnswerable)
            {
                examples.Add(Example(question, read, evidence[0], 0, runtime: false));
                continue;
            }

            var gold = evidence.FirstOrDefault(e => e.Passage.Id == question.GoldPassageId && e.Sentence.Start <= question.AnswerStart && question.AnswerStart < e.Sentence.End);
            if (gold is not null) examples.Add(Example(question, read, gold, 1, runtime: false));

            // The question over the articles without its own paragraph: its best sentence is in the best-ranked
            // paragraph that is not its own, read with the collection's statistics as they then are.
            var (otherRead, _, other) = await AskAsync(question.Text, question.Corpus.Without(question.GoldPassageId!), passages, cancellationToken).ConfigureAwait(false);
            if (other.Count > 0 && !Holds(other[0], question)) examples.Add(Example(question, otherRead, other[0], 0, runtime: false));

            // The question over its own paragraph with the answer's sentences taken out: the topic is all there, the
            // answer is not (what "near-topic" means), so the best remaining sentence is the hardest negative.
            var withoutAnswer = await question.Corpus.WithoutAnswerAsync(question.GoldPassageId!, question.AnswerStart, question.Answer!.Length, cancellationToken).ConfigureAwait(false);
            if (withoutAnswer is null) continue;
            var (nearRead, _, near) = await AskAsync(question.Text, withoutAnswer, passages, cancellationToken).ConfigureAwait(false);
            if (near.Count > 0 && !Holds(near[0], question)) examples.Add(Example(question, nearRead, near[0], 0, runtime: false) with { AnswerRemoved = true });
        }

        return examples;
    }

    private Task<(ReadQuestion Read, List<SearchHit> Hits, List<SentenceEvidence> Evidence)> AskAsync(string question, PassageIndex index, int passages, CancellationToken cancellationToken) =>
        asker.AskAsync(question, index, passages, cancellationToken);

    /// <summary>Fits the model on every example and chooses the threshold by cross-validation; the report is its record.</summary>
    public (LinearModel Model, Dictionary<string, JsonElement> Report) Fit(IReadOnlyList<TrainingExample> examples)
    {
        var training = examples.Where(e => !e.Runtime).ToList();
        var heldOut = HeldOut(examples);
        // The answerer's own choice, as each fold's model makes it: thresholds are chosen on the sentences that lead.
        examples = [.. examples.Select(e => e.Rivals is { } rivals ? rivals.MaxBy(r => heldOut[r])! : e)];

        var minEvidence = options.Value.MinEvidence;
        bool Declined(TrainingExample e, double t) => e.Coverage < minEvidence || heldOut[e] < t;
        var answerable = examples.Where(e => e.Runtime && e.Question.IsAnswerable).ToList();
        // Each source is held to the budget on its own: the news questions and ARCD's Wikipedia ones do not look alike,
        // and a budget met on their pool is met mostly on ARCD's many. A question over sentences in the other language
        // meets them through translation, whose gaps lower every feature: it gets a threshold of its own.
        double Highest(bool crossLingual, bool newsOnly = false)
        {
            var sources = answerable.Where(e => e.CrossLingual == crossLingual && (!newsOnly || e.Question.Source == "seed")).GroupBy(e => e.Question.Source).Select(g => g.ToList()).ToList();
            bool Within(List<TrainingExample> s, double t) =>
                s.Count(e => Declined(e, t)) <= DeclineBudget * s.Count
                && s.Count(e => e.Label == 1 && Declined(e, t)) <= CorrectDeclineBudget * s.Count(e => e.Label == 1);
            return heldOut.Values.Distinct().Order().Prepend(0.0).Where(t => sources.All(s => Within(s, t))).Max();
        }

        var threshold = Highest(crossLingual: false);
        var crossThreshold = Highest(crossLingual: true);
        // The news calibration holds only the news questions written over the seed articles to the budget.
        var newsThreshold = Highest(crossLingual: false, newsOnly: true);
        var newsCrossThreshold = Highest(crossLingual: true, newsOnly: true);
        double ThresholdOf(TrainingExample e) => e.CrossLingual ? crossThreshold : threshold;
        double NewsThresholdOf(TrainingExample e) => e.CrossLingual ? newsCrossThreshold : newsThreshold;

        var (answered, answeredCross, answeredReport) = AnsweredLevelCalibration.Choose(examples, heldOut, e => Declined(e, ThresholdOf(e)));
        var (weights, bias) = FitOn(training);
        var model = new LinearModel("answerability", AnswerabilityFeatures.Names, weights, bias, threshold, new Dictionary<string, JsonElement>())
        {
            CrossLingualThreshold = crossThreshold,
            NewsThreshold = newsThreshold,
            NewsCrossLingualThreshold = newsCrossThreshold,
            AnsweredThreshold = answered,
            AnsweredCrossLingualThreshold = answeredCross,
        };
        double Rate(IEnumerable<TrainingExample> set, Func<TrainingExample, double>? thresholdOf = null)
        {
            var list = set.ToList();
            return list.Count == 0 ? 0 : Math.Round(list.Count(e => Declined(e, (thresholdOf ?? ThresholdOf)(e))) / (double)list.Count, 3);
        }

        var negatives = training.Where(e => e.Label == 0).ToList();
        // The trade-off the threshold makes, held out: answerable questions declined against near-topic ones refused.
        var nearTopic = examples.Where(e => e.Runtime && !e.Question.IsAnswerable).ToList();
        double Share(IEnumerable<TrainingExample> set, double t)
        {
            var list = set.ToList();
            return list.Count == 0 ? 0 : Math.Round(list.Count(e => Declined(e, t)) / (double)list.Count, 3);
        }

        var curve = CurveThresholds.Select(t => new Dictionary<string, double>
        {
            ["threshold"] = t,
            ["arcdAnswerableDeclined"] = Share(answerable.Where(e => e.Question.Source != "seed"), t),
            ["seedAnswerableDeclined"] = Share(answerable.Where(e => e.Question.Source == "seed"), t),
            ["correctAnswersDeclined"] = Share(answerable.Where(e => e.Label == 1), t),
            ["seedNearTopicRefused"] = Share(nearTopic, t),
        }).ToList();
        var report = new Dictionary<string, object>
        {
            ["data"] = "ARCD training split (positives: the sentence holding the answer; negatives: the best sentence of the best-ranked paragraph that is not the question's own, asked over the articles without its own paragraph, and the best sentence left when the answer's sentences are taken out of its own paragraph) and models/seed-training-questions.tsv",
            ["questions"] = examples.Where(e => e.Runtime).GroupBy(e => e.Question.Source).ToDictionary(g => g.Key, g => g.Count()),
            ["positives"] = training.Count(e => e.Label == 1),
            ["negatives"] = negatives.Count,
            ["l2"] = L2,
            ["threshold"] = $"chosen by {Folds}-fold cross-validation on the training questions (paragraphs grouped): the highest held-out probability that declines at most {DeclineBudget:0.00} of the answerable ones and {CorrectDeclineBudget:0.00} of those answered correctly, in each source (ARCD, seed), as the answerer meets them; one threshold for questions in the sentences' language and one for questions in the other (with Answering:MinEvidence {minEvidence.ToString(CultureInfo.InvariantCulture)})",
            ["heldOutAtThreshold"] = new Dictionary<string, double>
            {
                ["answerableDeclined"] = Rate(answerable),
                ["squad2NegativesRefused"] = Rate(negatives.Where(e => e.Question.IsAnswerable && !e.AnswerRemoved)),
                ["answerRemovedNegativesRefused"] = Rate(negatives.Where(e => e.AnswerRemoved)),
                ["seedUnanswerableArabicRefused"] = Rate(examples.Where(e => e.Runtime && !e.Question.IsAnswerable && IsArabic(e))),
                ["seedUnanswerableEnglishRefused"] = Rate(examples.Where(e => e.Runtime && !e.Question.IsAnswerable && !IsArabic(e))),
                ["seedAnswerableDeclined"] = Rate(answerable.Where(e => e.Question.Source == "seed")),
                ["arcdAnswerableDeclined"] = Rate(answerable.Where(e => e.Question.Source != "seed")),
                ["correctAnswersDeclined"] = Rate(answerable.Where(e => e.Label == 1)),
            },
            ["newsCalibration"] = "the same rule held on the seed news questions alone (Answering:RefusalCalibration News)",
            ["heldOutAtNewsThreshold"] = new Dictionary<string, double>
            {
                ["seedUnanswerableArabicRefused"] = Rate(examples.Where(e => e.Runtime && !e.Question.IsAnswerable && IsArabic(e)), NewsThresholdOf),
                ["seedUnanswerableEnglishRefused"] = Rate(examples.Where(e => e.Runtime && !e.Question.IsAnswerable && !IsArabic(e)), NewsThresholdOf),
                ["seedAnswerableDeclined"] = Rate(answerable.Where(e => e.Question.Source == "seed"), NewsThresholdOf),
                ["arcdAnswerableDeclined"] = Rate(answerable.Where(e => e.Question.Source != "seed"), NewsThresholdOf),
            },
            ["heldOutCurve"] = curve,
            ["answeredLevel"] = answeredReport,
        };
        var json = report.ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value));
        return (model with { Training = json }, json);
    }

    /// <summary>The model fitted without each fold's questions (index: the fold), for a probability held out from the question's own fold.</summary>
    public static LinearModel[] FoldModels(IReadOnlyList<TrainingExample> examples)
    {
        var training = examples.Where(e => !e.Runtime).ToList();
        return [.. Enumerable.Range(0, Folds).Select(fold =>
        {
            var (w, b) = FitOn([.. training.Where(e => e.Question.Fold != fold)]);
            return new LinearModel("answerability", AnswerabilityFeatures.Names, w, b, 0, new Dictionary<string, JsonElement>());
        })];
    }

    /// <summary>Each example's probability from the model fitted on the other folds.</summary>
    public static Dictionary<TrainingExample, double> HeldOut(IReadOnlyList<TrainingExample> examples)
    {
        var training = examples.Where(e => !e.Runtime).ToList();
        var heldOut = new Dictionary<TrainingExample, double>(ReferenceEqualityComparer.Instance);
        for (var fold = 0; fold < Folds; fold++)
        {
            var (w, b) = FitOn(training.Where(e => e.Question.Fold != fold).ToList());
            foreach (var e in examples.Where(e => e.Question.Fold == fold).SelectMany(e => e.Rivals is { } rivals ? [e, .. rivals] : (IEnumerable<TrainingExample>)[e]))
            {
                heldOut[e] = LogisticRegression.Sigmoid(Score(w, b, e.Features));
            }
        }

        return heldOut;
    }

    private static bool IsArabic(TrainingExample e) => LanguageDetector.DetectAnswerLanguage(e.Question.Text) == TextLanguage.Arabic;

    private static (double[] Weights, double Bias) FitOn(List<TrainingExample> examples) =>
        LogisticRegression.Fit([.. examples.Select(e => e.Features)], [.. examples.Select(e => e.Label)], [.. examples.Select(_ => 1.0)], L2);

    private static double Score(double[] weights, double bias, double[] features) => bias + weights.Select((w, i) => w * features[i]).Sum();

    private static TrainingExample Example(TrainingQuestion question, ReadQuestion read, SentenceEvidence candidate, double label, bool runtime) =>
        new(question, AnswerabilityJudge.Features(read, candidate), label, candidate.Coverage, runtime, AnswerabilityJudge.IsCrossLingual(read, candidate));

    // A sentence holds the answer when it contains the gold answer's text (normalized): a negative that holds it is no negative.
    private static bool Holds(SentenceEvidence evidence, TrainingQuestion question) =>
        question.Answer is { Length: > 0 } answer && Normalize(evidence.Text).Contains(Normalize(answer), StringComparison.Ordinal);

    private static string Normalize(string text) => ArabicNormalizer.Normalize(text.Trim()).ToLowerInvariant();
}
