namespace NewsQA.Tools.Evaluation;

/// <summary>
/// A question written over the seed articles and models/articles/ for judging answers' first lines: a factoid one with
/// the articles that answer it and the answer as each writes it, or a near-topic one that no article answers. An
/// Arabic question and its English counterpart share <see cref="Pair"/>.
/// </summary>
public sealed record SeedAnswerQuestion(string Question, string? Pair, IReadOnlyList<string> Documents, IReadOnlyList<string> Answers)
{
    public bool IsAnswerable => Answers.Count > 0;

    /// <summary>
    /// Reads a held-out set (kind, pair, question, documents, answers, searched) or a training file (question, document,
    /// answer, searched); '-' marks an empty field and '|' separates alternatives.
    /// </summary>
    public static List<SeedAnswerQuestion> Load(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).Select(f => f.Length >= 6
            ? new SeedAnswerQuestion(f[2], f[1], Alternatives(f[3]), Alternatives(f[4]))
            : new SeedAnswerQuestion(f[0], null, Alternatives(f.Length > 1 ? f[1] : "-"), Alternatives(f.Length > 2 ? f[2] : "-")))];

    /// <summary>The values of a '|'-separated field; none for '-'.</summary>
    public static List<string> Alternatives(string field) => field.Trim() == "-" ? [] : [.. field.Split('|').Select(a => a.Trim()).Where(a => a.Length > 0)];
}
