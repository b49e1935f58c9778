namespace NewsQA.Core.Answering.Grounding;

/// <summary>One sentence of an answer, as written (markers included), and the passage numbers its markers give.</summary>
public sealed record Claim(string Text, IReadOnlyList<int> Markers);
