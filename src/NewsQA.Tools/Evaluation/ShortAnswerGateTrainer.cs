using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.Models;
using NewsQA.Core.Answering.ShortAnswers;
using NewsQA.Core.Configuration;

namespace NewsQA.Tools.Evaluation;

/// <summary>
/// Fits the short-answer gate on training data only (ARCD's training split and the questions written over the seed
/// articles), as the answerer meets them: each answerable question is asked, and the best span of the asked kind in the
/// sentence the answerer cites is labelled right when it scores F1 of at least <see cref="FirstLine.MinF1"/> against the
/// gold answer. A logistic model over <see cref="ShortAnswerGateFeatures"/> gives its probability of being right; the
/// threshold is the lowest held-out probability (5 folds, paragraphs grouped) at which at least
/// <see cref="TargetPrecision"/> of the spans shown are right, so that precision comes first.
/// </summary>
public sealed class ShortAnswerGateTrainer(QuestionAsker asker, IOptions<AnsweringOptions> options)
{
    /// <summary>The share of shown short answers that must be right on held-out folds (issue 20).</summary>
    public const double TargetPrecision = 0.85;

    /// <summary>L2 penalty on the weights, as for the answerability model.</summary>
    public const double L2 = 1.0;

    private const int Folds = 5;

    // A threshold is judged on at least this many shown spans: a precision over a handful says little.
    private const int MinShown = 20;

    /// <summary>One gated span: its features, whether it is right, its kind, its question.</summary>
    public sealed record Example(TrainingQuestion Question, double[] Features, double Label, SpanKind Kind);

    /// <summary>
    /// The gated span of every answerable question the answerer does not refuse for lack of evidence, in the sentence it
    /// leads with (chosen among rivals by the answerability model, as the answerer does), chosen by
    /// <paramref name="spans"/> (the short-answer model). <paramref name="answerabilityOf"/> gives each question the
    /// answerability model to read it with: one fitted without its fold, so that the gate learns what a held-out
    /// probability is worth.
    /// </summary>
    public async Task<List<Example>> CollectAsync(IEnumerable<TrainingQuestion> questions, LinearModel spans, Func<TrainingQuestion, LinearModel> answerabilityOf, CancellationToken cancellationToken)
    {
        var examples = new List<Example>();
        foreach (var question in questions.Where(q => q.IsAnswerable))
        {
            var (read, _, evidence) = await asker.AskAsync(question.Text, question.Corpus.Full, options.Value.Passages, cancellationToken).ConfigureAwait(false);
            if (evidence.Count == 0 || evidence[0].Coverage < options.Value.MinEvidence) continue;
            var answerability = answerabilityOf(question);
            double P(SentenceEvidence e) => answerability.Probability(AnswerabilityFeatures.Compute(read, e));
            var rivals = LeadingSentence.Rivals(read, evidence, options.Value.MinEvidence);
            var best = rivals.Count > 1 ? rivals.MaxBy(P)! : evidence[0];
            if (ShortAnswerExtractor.BestOfKind(read, best, spans) is not { } found) continue;
            var candidate = found with { Answerability = P(best) };
            var right = FirstLine.IsRightSpan(candidate.Extracted.Text, [question.Answer!]);
            examples.Add(new Example(question, ShortAnswerGateFeatures.Set.Compute(candidate), right ? 1 : 0, candidate.Extracted.Kind!.Value));
        }

        return examples;
    }

    /// <summary>Fits the gate on every example and chooses its threshold by cross-validation; the report is its record.</summary>
    public (LinearModel Model, Dictionary<string, JsonElement> Report) Fit(IReadOnlyList<Example> examples)
    {
        var heldOut = new Dictionary<Example, double>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var (w, b) = FitOn([.. examples.Where(e => e.Question.Fold != fold)]);
            foreach (var e in examples.Where(e => e.Question.Fold == fold)) heldOut[e] = LogisticRegression.Sigmoid(b + w.Select((x, i) => x * e.Features[i]).Sum());
        }

        // The lowest threshold whose shown spans, held out, are right at least TargetPrecision of the time.
        var threshold = heldOut.Values.Distinct().Order()
            .Where(t => Shown(heldOut, t).Count >= MinShown && Precision(heldOut, t) >= TargetPrecision).DefaultIfEmpty(1.0).First();
        var (weights, bias) = FitOn(examples);
        var model = new LinearModel("short-answer-gate", ShortAnswerGateFeatures.Set.Names, weights, bias, threshold, new Dictionary<string, JsonElement>());
        Dictionary<string, double> At(double t, Func<Example, bool>? which = null)
        {
            var set = heldOut.Where(kv => which?.Invoke(kv.Key) ?? true).ToDictionary(kv => kv.Key, kv => kv.Value);
            return new Dictionary<string, double>
            {
                ["spans"] = set.Count,
                ["shown"] = Math.Round(set.Count == 0 ? 0 : Shown(set, t).Count / (double)set.Count, 3),
                ["shownRight"] = Math.Round(Precision(set, t), 3),
                ["rightIfAllShown"] = Math.Round(set.Count == 0 ? 0 : set.Keys.Average(e => e.Label), 3),
            };
        }

        var report = new Dictionary<string, object>
        {
            ["data"] = "ARCD training split and models/seed-training-questions.tsv, as the answerer meets them: the best span of the asked kind in the sentence it cites, right when its F1 against the gold answer is at least 0.5",
            ["l2"] = L2,
            ["threshold"] = $"the lowest held-out probability ({Folds} folds, paragraphs grouped) at which at least {TargetPrecision:0.00} of the spans shown are right (at least {MinShown} shown)",
            ["heldOutAtThreshold"] = new Dictionary<string, object>
            {
                ["all"] = At(threshold),
                ["arcd"] = At(threshold, e => e.Question.Source != "seed"),
                ["seed"] = At(threshold, e => e.Question.Source == "seed"),
                ["byKind"] = Enum.GetValues<SpanKind>().ToDictionary(k => k.ToString().ToLowerInvariant(), k => At(threshold, e => e.Kind == k)),
            },
            ["heldOutCurve"] = new[] { 0.3, 0.4, 0.5, 0.6, 0.7, 0.8 }.Select(t => new Dictionary<string, object> { ["threshold"] = t, ["all"] = At(t) }).ToList(),
        };
        var json = report.ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value));
        return (model with { Training = json }, json);
    }

    private static List<Example> Shown(IReadOnlyDictionary<Example, double> heldOut, double threshold) => [.. heldOut.Where(kv => kv.Value >= threshold).Select(kv => kv.Key)];

    private static double Precision(IReadOnlyDictionary<Example, double> heldOut, double threshold)
    {
        var shown = Shown(heldOut, threshold);
        return shown.Count == 0 ? 0 : shown.Average(e => e.Label);
    }

    private static (double[] Weights, double Bias) FitOn(IReadOnlyList<Example> examples) =>
        LogisticRegression.Fit([.. examples.Select(e => e.Features)], [.. examples.Select(e => e.Label)], [.. examples.Select(_ => 1.0)], L2);
}
