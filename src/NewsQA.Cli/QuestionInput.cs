namespace NewsQA.Cli;

/// <summary>The questions a command was given: one argument, or the lines of a file.</summary>
public static class QuestionInput
{
    public static List<string> Read(string? question, string? questionsFile)
    {
        if (question is not null && questionsFile is not null) throw new UsageException("give a question or --questions FILE, not both");
        if (question is { Length: > 1 } && question[0] == '-' && !question.Contains(' ', StringComparison.Ordinal))
        {
            // System.CommandLine hands an unknown option to the question argument; a one-word question starting with
            // a dash is far more likely a mistyped flag.
            throw new UsageException($"unrecognized option '{question}'");
        }

        if (questionsFile is null) return [question ?? string.Empty];
        if (!File.Exists(questionsFile)) throw new UsageException($"Questions file not found: {Path.GetFullPath(questionsFile)}");
        var lines = File.ReadAllLines(questionsFile).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        return lines.Count > 0 ? lines : throw new UsageException($"Questions file has no questions: {questionsFile}");
    }
}
