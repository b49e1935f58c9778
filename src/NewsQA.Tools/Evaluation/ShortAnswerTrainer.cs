using System.Text.Json;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Models;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Answering.ShortAnswers;

namespace NewsQA.Tools.Evaluation;

/// <summary>
/// Fits the short-answer model on training data only: for each answerable training question whose gold answer is a
/// short answer (at most <see cref="AnswerSpanFeatures.MaxTokens"/> tokens; a longer one is a clause), the candidate
/// spans of the sentence that holds it, the target being the candidates with the best token F1 against the gold
/// answer; a softmax over each sentence's candidates, fitted by full-batch gradient descent from zero (deterministic).
/// Held-out F1 by cross-validation is recorded. There is no threshold: every factoid question's best span leads its
/// answer, the quote after it (scored as SQuAD scores, a missing short answer is a wrong one).
/// </summary>
public sealed class ShortAnswerTrainer(AnswerabilityJudge judge)
{
    private const int Iterations = 400;
    private const double StepSize = 0.5;
    private const double L2 = 0.001;
    private const int Folds = 5;

    /// <summary>One training sentence: its candidates' features and their F1 against the gold answer.</summary>
    public sealed record Group(TrainingQuestion Question, AnswerType Type, List<double[]> Features, List<double> F1);

    /// <summary>The candidates of each answerable question's gold sentence.</summary>
    public List<Group> Collect(IEnumerable<TrainingQuestion> questions)
    {
        var groups = new List<Group>();
        foreach (var question in questions.Where(q => q.IsAnswerable))
        {
            var index = question.Corpus.Full;
            var passage = index.FindPassage(question.GoldPassageId!);
            var sentence = passage?.Sentences.Where(s => s.Start <= question.AnswerStart && question.AnswerStart < s.End).Cast<NewsQA.Core.Ingestion.SentenceSpan?>().FirstOrDefault();
            if (passage is null || sentence is not { } span) continue;
            var read = judge.Read(question.Text, index);
            if (!ShortAnswerExtractor.AsksForSpan(read)) continue;
            var text = passage.Text.Substring(span.Start, span.Length);
            var match = SentenceMatch.Of(new SentenceEvidence(passage, span, 1, 0, 0), read);
            var candidates = AnswerSpanFeatures.Candidates(read, match);
            var tokens = match.Tokens;
            var f1 = candidates.Select(c => AnswerMetrics.F1(text[tokens[c.Start].Start..(tokens[c.End - 1].Start + tokens[c.End - 1].Length)], question.Answer!)).ToList();
            // A short-answer model learns from short answers: a gold answer longer than any candidate is a clause.
            if (f1.Count > 0 && f1.Max() > 0 && AnswerMetrics.Tokens(question.Answer!).Count <= AnswerSpanFeatures.MaxTokens)
            {
                groups.Add(new Group(question, read.Type, [.. candidates.Select(c => c.Features)], f1));
            }
        }

        return groups;
    }

    /// <summary>Fits the model and chooses its threshold; the report is its record.</summary>
    public (LinearModel Model, Dictionary<string, JsonElement> Report) Fit(IReadOnlyList<Group> groups)
    {
        var heldOut = new List<(double Probability, double F1, bool Typed)>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var weights = FitOn([.. groups.Where(g => g.Question.Fold != fold)]);
            foreach (var g in groups.Where(g => g.Question.Fold == fold))
            {
                var p = Softmax(g.Features, weights);
                var pick = Array.IndexOf(p, p.Max());
                heldOut.Add((p[pick], g.F1[pick], ShortAnswerExtractor.IsTyped(g.Type)));
            }
        }

        var model = new LinearModel("short-answer", AnswerSpanFeatures.Names, FitOn(groups), 0, 0, new Dictionary<string, JsonElement>());
        var report = new Dictionary<string, object>
        {
            ["data"] = $"ARCD training split and models/seed-training-questions.tsv: the candidate spans of the sentence holding each gold answer of at most {AnswerSpanFeatures.MaxTokens} tokens, the target the best-F1 candidates",
            ["sentences"] = groups.GroupBy(g => g.Question.Source).ToDictionary(g => g.Key, g => g.Count()),
            ["threshold"] = "none: every factoid question's best span leads its answer",
            ["heldOut"] = new Dictionary<string, double>
            {
                ["meanF1AllSentences"] = Math.Round(heldOut.Average(h => h.F1), 3),
                ["meanF1Typed"] = Math.Round(heldOut.Where(h => h.Typed).Select(h => h.F1).DefaultIfEmpty(0).Average(), 3),
                ["meanF1Other"] = Math.Round(heldOut.Where(h => !h.Typed).Select(h => h.F1).DefaultIfEmpty(0).Average(), 3),
                ["bestCandidateF1"] = Math.Round(groups.Average(g => g.F1.Max()), 3),
            },
        };
        var json = report.ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value));
        return (model with { Training = json }, json);
    }

    private static double[] FitOn(IReadOnlyList<Group> groups)
    {
        var d = AnswerSpanFeatures.Names.Count;
        var weights = new double[d];
        var gradient = new double[d];
        var targets = groups.Select(g =>
        {
            var best = g.F1.Max();
            var count = g.F1.Count(f => f == best);
            return g.F1.Select(f => f == best ? 1.0 / count : 0).ToArray();
        }).ToList();
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            Array.Clear(gradient);
            for (var q = 0; q < groups.Count; q++)
            {
                var features = groups[q].Features;
                var p = Softmax(features, weights);
                for (var c = 0; c < features.Count; c++)
                {
                    var coefficient = p[c] - targets[q][c];
                    if (coefficient == 0) continue;
                    var x = features[c];
                    for (var k = 0; k < d; k++) gradient[k] += coefficient * x[k];
                }
            }

            for (var k = 0; k < d; k++) weights[k] -= StepSize * ((gradient[k] / groups.Count) + (L2 * weights[k]));
        }

        return weights;
    }

    private static double[] Softmax(List<double[]> features, double[] weights)
    {
        var scores = new double[features.Count];
        var top = double.NegativeInfinity;
        for (var c = 0; c < features.Count; c++)
        {
            var x = features[c];
            var s = 0.0;
            for (var k = 0; k < x.Length; k++) s += x[k] * weights[k];
            scores[c] = s;
            top = Math.Max(top, s);
        }

        var total = 0.0;
        for (var c = 0; c < scores.Length; c++) total += scores[c] = Math.Exp(scores[c] - top);
        for (var c = 0; c < scores.Length; c++) scores[c] /= total;
        return scores;
    }
}
