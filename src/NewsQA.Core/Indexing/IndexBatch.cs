using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Indexing;

/// <summary>
/// What applying one batch of changed articles did: articles added, changed, removed and found unchanged, the files
/// that changed while they were being read (left for a later batch), and the files skipped with a warning.
/// </summary>
public sealed record IndexBatch(int Added, int Changed, int Removed, int Unchanged, IReadOnlyList<string> Deferred, IReadOnlyList<CorpusWarning> Warnings, TimeSpan Elapsed)
{
    public bool Committed => Added + Changed + Removed > 0;
}
