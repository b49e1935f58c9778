namespace NewsQA.Core.Indexing;

/// <summary>A loaded snapshot, or the one-line reason there is none (missing file, corrupt, older format).</summary>
public sealed record IndexLoadResult(IndexSnapshot? Snapshot, string? Problem, bool Missing = false)
{
    public static IndexLoadResult NotFound(string path) => new(null, $"no index at {path}", Missing: true);

    public static IndexLoadResult Invalid(string path, string reason) => new(null, $"index at {path} is unusable: {reason}");
}
