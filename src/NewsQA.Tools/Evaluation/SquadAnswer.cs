namespace NewsQA.Tools.Evaluation;

/// <summary>A gold answer span: its text and where it starts in the context.</summary>
public sealed record SquadAnswer(string Text, int Start);
