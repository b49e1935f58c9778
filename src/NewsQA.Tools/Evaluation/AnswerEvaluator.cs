using System.Diagnostics;
using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.ShortAnswers;
using NewsQA.Core.Ingestion;

namespace NewsQA.Tools.Evaluation;

/// <summary>
/// Measures answers on a SQuAD-format set: every context is a passage (sentences from XQuAD-R's boundaries when
/// given), each question is asked as a user would, the first citation's sentence is checked for the gold answer, and
/// the short answer is scored against the gold answers.
/// </summary>
public sealed class AnswerEvaluator(RetrievalEvaluator retrieval, AnswerService answers, AnswerabilityJudge judge, ShortAnswerExtractor extractor)
{
    public async Task<AnswerReport> EvaluateAsync(
        string name, SquadDataset dataset, IReadOnlyDictionary<string, List<SentenceSpan>>? sentenceBreaks, CancellationToken cancellationToken)
    {
        using var index = await retrieval.IndexContextsAsync(dataset, cancellationToken, sentenceBreaks).ConfigureAwait(false);
        int hasAnswer = 0, goldPassage = 0, refused = 0, given = 0, givenRight = 0, answered = 0, closest = 0;
        double exact = 0, f1 = 0, f1Always = 0, textF1 = 0;
        var mode = "local";
        var clock = Stopwatch.StartNew();
        foreach (var question in dataset.Questions)
        {
            var answer = await answers.AskAsync(index, question.Text, null, cancellationToken).ConfigureAwait(false);
            if (answer.Mode == AnswerMode.Llm) mode = "llm";
            if (answer.Confidence == AnswerConfidence.Answered) answered++;
            if (answer.Confidence == AnswerConfidence.Closest) closest++;
            var first = answer.Citations.FirstOrDefault();
            if (first is null)
            {
                refused++;
                continue;
            }

            if (first.Passage.Id == $"c{question.ContextIndex}") goldPassage++;
            var sentence = first.Passage.Text.Substring(first.Sentence.Start, first.Sentence.Length);
            if (question.Answers.Any(a => a.Text.Length > 0 && sentence.Contains(a.Text.Trim(), StringComparison.Ordinal))) hasAnswer++;

            var golds = question.Answers.Select(a => a.Text).ToList();
            if (answer.ShortAnswer is { } shortAnswer)
            {
                given++;
                if (AnswerMetrics.F1(shortAnswer.Original, golds) >= FirstLine.MinF1) givenRight++;
                exact += AnswerMetrics.ExactMatch(shortAnswer.Original, golds);
                f1 += AnswerMetrics.F1(shortAnswer.Original, golds);
                textF1 += AnswerMetrics.F1(shortAnswer.Text, question.ParallelAnswers.Select(a => a.Text));
            }

            var best = extractor.Extract(judge.Read(answer.StandaloneQuestion, index), new SentenceEvidence(first.Passage, first.Sentence, 1, 0, 0));
            f1Always += best is null ? 0 : AnswerMetrics.F1(best.Text, golds);
        }

        double n = Math.Max(dataset.Questions.Count, 1);
        var parallel = dataset.Questions.Any(q => q.ParallelAnswers.Count > 0);
        return new AnswerReport(name, mode, dataset.Questions.Count, index.Count, hasAnswer / n, goldPassage / n, refused / n,
            dataset.Questions.Count / Math.Max(clock.Elapsed.TotalSeconds, 1e-9))
        {
            ShortAnswerGiven = given / n,
            ShortAnswerRight = given == 0 ? 0 : givenRight / (double)given,
            Answered = answered / n,
            Closest = closest / n,
            ShortAnswerExactMatch = exact / n,
            ShortAnswerF1 = f1 / n,
            ShortAnswerF1IfAlwaysGiven = f1Always / n,
            ShortAnswerTextF1AgainstQuestionLanguage = parallel ? textF1 / n : null,
        };
    }
}
