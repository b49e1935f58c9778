namespace NewsQA.Core.Feeds;

/// <summary>
/// One read of one feed: whether it could be read (<see cref="Problem"/> says why not), whether it was unchanged since
/// the last read (304), and what became of each item.
/// </summary>
public sealed record FeedIngestion(string FeedUrl, bool NotModified, string? Problem, IReadOnlyList<IngestOutcome> Items)
{
    public bool Failed => Problem is not null || Items.Any(i => i.Status == IngestStatus.Failed);

    public IEnumerable<string> WrittenPaths => Items.Where(i => i.Status == IngestStatus.Written && i.Path is not null).Select(i => i.Path!);
}
