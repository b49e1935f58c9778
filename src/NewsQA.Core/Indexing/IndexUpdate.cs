using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Indexing;

/// <summary>What one indexing run did, and the index it left, open for searching and refreshing.</summary>
public sealed record IndexUpdate(
    LiveIndex Live,
    int Added,
    int Changed,
    int Removed,
    int Unchanged,
    int PassagesIndexed,
    bool Saved,
    TimeSpan Elapsed,
    IReadOnlyList<CorpusWarning> Warnings,
    string? RebuildReason,
    long BytesWritten,
    long IndexBytes)
{
    public PassageIndex Index => Live.Current;

    public int Passages => Index.Count;
}
