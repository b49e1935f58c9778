namespace NewsQA.Tools.Benchmarking;

/// <summary>A generated corpus: passages (the real paragraphs first), and questions with the index of their true passage.</summary>
public sealed record BenchmarkCorpus(IReadOnlyList<string> Passages, IReadOnlyList<(string Question, int Gold)> Questions);
