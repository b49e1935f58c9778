namespace NewsQA.Core.Feeds;

/// <summary>One entry of a feed: its title, the link to its article page, its date and its summary or content (HTML).</summary>
public sealed record FeedItem(string? Title, Uri? Link, DateTimeOffset? Published, string? Content);
