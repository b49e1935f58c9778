using System.Diagnostics;
using NewsQA.Core.Answering;
using NewsQA.Core.Ingestion;

namespace NewsQA.Tools.Evaluation;

/// <summary>
/// Measures answers on a SQuAD-format set: every context is a passage (sentences from XQuAD-R's boundaries when
/// given), each question is asked as a user would, and the first citation's sentence is checked for the gold answer.
/// </summary>
public sealed class AnswerEvaluator(RetrievalEvaluator retrieval, AnswerService answers)
{
    public async Task<AnswerReport> EvaluateAsync(
        string name, SquadDataset dataset, IReadOnlyDictionary<string, List<SentenceSpan>>? sentenceBreaks, CancellationToken cancellationToken)
    {
        using var index = await retrieval.IndexContextsAsync(dataset, cancellationToken, sentenceBreaks).ConfigureAwait(false);
        int hasAnswer = 0, goldPassage = 0, refused = 0;
        var mode = "local";
        var clock = Stopwatch.StartNew();
        foreach (var question in dataset.Questions)
        {
            var answer = await answers.AskAsync(index, question.Text, null, cancellationToken).ConfigureAwait(false);
            if (answer.Mode == AnswerMode.Llm) mode = "llm";
            var first = answer.Citations.FirstOrDefault();
            if (first is null)
            {
                refused++;
                continue;
            }

            if (first.Passage.Id == $"c{question.ContextIndex}") goldPassage++;
            var sentence = first.Passage.Text.Substring(first.Sentence.Start, first.Sentence.Length);
            if (question.Answers.Any(a => a.Text.Length > 0 && sentence.Contains(a.Text.Trim(), StringComparison.Ordinal))) hasAnswer++;
        }

        double n = Math.Max(dataset.Questions.Count, 1);
        return new AnswerReport(name, mode, dataset.Questions.Count, index.Count, hasAnswer / n, goldPassage / n, refused / n,
            dataset.Questions.Count / Math.Max(clock.Elapsed.TotalSeconds, 1e-9));
    }
}
