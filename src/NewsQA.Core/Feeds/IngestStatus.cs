namespace NewsQA.Core.Feeds;

/// <summary>What became of one article page: written into the corpus, skipped (already there, no text), or failed (retried next time).</summary>
public enum IngestStatus
{
    Written,
    Skipped,
    Failed,
}
