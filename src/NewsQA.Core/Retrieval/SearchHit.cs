using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Retrieval;

/// <summary>One retrieved passage: its rank, fused score, and each leg's rank and score where the leg found it.</summary>
public sealed record SearchHit(
    Passage Passage,
    int Rank,
    double Score,
    int? KeywordRank,
    double? KeywordScore,
    int? VectorRank,
    double? VectorScore)
{
    /// <summary>The passage's number in the snapshot it was found in (for explaining its scores), or -1 when not known.</summary>
    public int PassageNumber { get; init; } = -1;
}
