namespace NewsQA.Tools.Evaluation;

/// <summary>Retrieval quality over a question set: recall at 1, 5 and 10, MRR@10, and speed.</summary>
public sealed record RetrievalReport(
    string Dataset,
    string Mode,
    int Questions,
    int Passages,
    double RecallAt1,
    double RecallAt5,
    double RecallAt10,
    double MrrAt10,
    double QueriesPerSecond);
