namespace NewsQA.Tools.Evaluation;

/// <summary>One question of a SQuAD set, the index of its context and its gold answers.</summary>
public sealed record SquadQuestion(string Id, string Text, int ContextIndex, IReadOnlyList<SquadAnswer> Answers);
