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

    /// <summary>Passages sent to the embedding provider in this run (0 offline).</summary>
    public long Embedded { get; init; }

    /// <summary>Passages whose embeddings were reused from the embedding cache instead.</summary>
    public long Reused { get; init; }

    /// <summary>Tokens of the passages sent (cl100k_base: <see cref="Embeddings.EmbeddingTokens"/>).</summary>
    public long EmbeddingTokens { get; init; }
}
