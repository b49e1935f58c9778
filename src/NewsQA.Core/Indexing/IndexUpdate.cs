using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Indexing;

/// <summary>What one indexing run did.</summary>
public sealed record IndexUpdate(
    PassageIndex Index,
    int Added,
    int Changed,
    int Removed,
    int Unchanged,
    int PassagesEmbedded,
    bool Saved,
    TimeSpan Elapsed,
    IReadOnlyList<CorpusWarning> Warnings,
    string? RebuildReason)
{
    public int Passages => Index.Count;
}
