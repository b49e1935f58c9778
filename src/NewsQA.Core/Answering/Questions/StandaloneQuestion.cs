namespace NewsQA.Core.Answering.Questions;

/// <summary>
/// A message read on its own: <see cref="Text"/> is what retrieval and the answer use; <see cref="CarriedContext"/>,
/// when the offline reading leaned on the previous question, is that question, searched at a lower weight.
/// </summary>
public sealed record StandaloneQuestion(string Text, string? CarriedContext = null);
