namespace NewsQA.Core.Indexing;

/// <summary>
/// Progress of an indexing run: files looked at so far (of a total known up front) and, with a provider's embeddings,
/// the passages handed to the encoder so far (<see cref="PassagesToEmbed"/>), how many of them were sent to the
/// provider or found in the embedding cache, and the tokens sent.
/// </summary>
public readonly record struct IndexProgress(
    int FilesDone, int FilesTotal, string CurrentFile, long PassagesToEmbed = 0, long Embedded = 0, long Reused = 0, long EmbeddingTokens = 0);
