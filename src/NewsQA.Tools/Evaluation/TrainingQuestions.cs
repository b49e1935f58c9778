using NewsQA.Core.Indexing;
using NewsQA.Core.Text;

namespace NewsQA.Tools.Evaluation;

/// <summary>The training questions of a SQuAD-format training set and of the seed-article training file, over their articles.</summary>
public static class TrainingQuestions
{
    private const int Folds = 5;

    /// <summary>Every question of a SQuAD set indexed one context per passage (ids c0, c1, …); a paragraph's questions share a fold.</summary>
    public static IEnumerable<TrainingQuestion> FromSquad(string source, SquadDataset dataset, TrainingCorpus corpus) =>
        dataset.Questions.Where(q => q.Answers.Count > 0 && q.Answers[0].Text.Trim().Length > 0).Select(q => new TrainingQuestion(
            source, q.Text, corpus, $"c{q.ContextIndex}", q.Answers[0].Text.Trim(), q.Answers[0].Start, q.ContextIndex % Folds));

    /// <summary>
    /// The seed training questions over the seed index: an answerable one's gold passage is the passage of its article
    /// that holds the answer as written. A question whose answer is not found is an error in the file, reported.
    /// </summary>
    public static IEnumerable<TrainingQuestion> FromSeeds(IReadOnlyList<SeedTrainingQuestion> questions, TrainingCorpus corpus)
    {
        var index = corpus.Full;
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            if (!q.IsAnswerable)
            {
                yield return new TrainingQuestion("seed", q.Question, corpus, null, null, -1, i % Folds);
                continue;
            }

            var answer = ArabicNormalizer.Normalize(q.Answer!);
            var found = index.Passages.Where(p => p.DocumentId == q.DocumentId)
                .Select(p => (Passage: p, At: ArabicNormalizer.Normalize(p.Text).IndexOf(answer, StringComparison.Ordinal)))
                .FirstOrDefault(x => x.At >= 0);
            if (found.Passage is null) throw new InvalidDataException($"Seed training question \"{q.Question}\": \"{q.Answer}\" is not in {q.DocumentId}.");
            // Normalizing only drops diacritics and tatweel, so the offset in the text as written is at or after this one.
            var start = found.At;
            while (start < found.Passage.Text.Length && ArabicNormalizer.Normalize(found.Passage.Text.AsSpan(0, start)).Length < found.At) start++;
            yield return new TrainingQuestion("seed", q.Question, corpus, found.Passage.Id, q.Answer, start, i % Folds);
        }
    }
}
