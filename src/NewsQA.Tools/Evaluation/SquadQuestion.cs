namespace NewsQA.Tools.Evaluation;

/// <summary>One question of a SQuAD set, the index of its context and its gold answers.</summary>
public sealed record SquadQuestion(string Id, string Text, int ContextIndex, IReadOnlyList<SquadAnswer> Answers)
{
    /// <summary>For a question taken from a parallel file, the gold answers as that file writes them (in the question's language).</summary>
    public IReadOnlyList<SquadAnswer> ParallelAnswers { get; init; } = [];
}
