namespace NewsQA.Core.Feeds;

/// <summary>
/// What became of one article page: written into the corpus, skipped (already there, no text), failed (a transient
/// failure, retried next time), or set aside (it cannot be read, or its address is refused: not fetched again until
/// the feed's item changes).
/// </summary>
public enum IngestStatus
{
    Written,
    Skipped,
    Failed,
    SetAside,
}
