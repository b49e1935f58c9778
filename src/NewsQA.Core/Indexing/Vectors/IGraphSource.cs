namespace NewsQA.Core.Indexing.Vectors;

/// <summary>
/// Where a segment's finished HNSW graph file may be had before this process builds it: a replica's indexer has built
/// the very same file (segments replicate byte for byte, so the stamped names are the same on both sides). Chosen once
/// at wiring; <see cref="None"/> (a standalone service, the indexer) supplies nothing and every graph is built where it
/// is read.
/// </summary>
public interface IGraphSource
{
    /// <summary>The source that never has a graph.</summary>
    static IGraphSource None { get; } = new NoGraphSource();

    /// <summary>
    /// The waits before each further attempt while the source cannot give a graph (it may not have finished building it
    /// yet); empty for one attempt.
    /// </summary>
    IReadOnlyList<TimeSpan> Retries { get; }

    /// <summary>
    /// Writes the graph file named <paramref name="fileName"/> to <paramref name="path"/>, whole or not at all (written
    /// under a temporary name, synced, then renamed); false when the source has no such file or cannot give it now.
    /// Throws only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<bool> TryFetchAsync(string fileName, string path, CancellationToken cancellationToken);
}
