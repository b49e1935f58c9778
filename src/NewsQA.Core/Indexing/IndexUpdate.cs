using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Indexing;

/// <summary>
/// What one indexing run did, and the index it left, open for searching and refreshing (<see cref="Live"/>: the
/// caller owns it), with the articles and passages it holds now.
/// </summary>
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
    /// <summary>Live articles after the run.</summary>
    public int Documents { get; init; }

    /// <summary>Live passages after the run.</summary>
    public int Passages { get; init; }
}
