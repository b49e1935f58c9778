namespace NewsQA.Core.Feeds;

/// <summary>A parsed RSS or Atom feed: the outlet's title, its declared language and its items, newest first as published.</summary>
public sealed record Feed(string? Title, string? Language, IReadOnlyList<FeedItem> Items)
{
    /// <summary>What was read around rather than used: an undecodable declared encoding, item dates that are not dates.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
