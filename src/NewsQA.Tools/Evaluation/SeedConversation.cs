namespace NewsQA.Tools.Evaluation;

/// <summary>A two-turn conversation written over the seed articles: a question, a follow-up that refers back to it, and the follow-up's answers.</summary>
public sealed record SeedConversation(string Pair, string First, string FollowUp, IReadOnlyList<string> Documents, IReadOnlyList<string> Answers)
{
    /// <summary>Reads the tab-separated file (pair, first question, follow-up, documents, answers).</summary>
    public static List<SeedConversation> Load(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).Select(f =>
            new SeedConversation(f[0], f[1], f[2], SeedAnswerQuestion.Alternatives(f[3]), SeedAnswerQuestion.Alternatives(f[4])))];
}
