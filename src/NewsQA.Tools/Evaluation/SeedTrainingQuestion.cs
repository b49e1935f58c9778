namespace NewsQA.Tools.Evaluation;

/// <summary>
/// A question written over the seed articles for training (models/seed-training-questions.tsv): the article and the
/// answer as the article writes it, or neither for a question the articles do not answer.
/// </summary>
public sealed record SeedTrainingQuestion(string Question, string? DocumentId, string? Answer)
{
    public bool IsAnswerable => DocumentId is not null;

    /// <summary>Reads the tab-separated file (question, document, answer, searched words); '-' marks an empty field.</summary>
    public static List<SeedTrainingQuestion> Load(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).Select(f =>
            new SeedTrainingQuestion(f[0], f.Length > 1 && f[1] != "-" ? f[1] : null, f.Length > 2 && f[2] != "-" ? f[2] : null))];
}
