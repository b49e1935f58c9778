namespace NewsQA.Core.Cluster;

/// <summary>
/// One admin change waiting in the admin stream for the indexer: an article to add (<see cref="Article"/>: the
/// submission's JSON as it was accepted) or one to remove (<see cref="DocumentId"/>). <see cref="Id"/> is its stream entry id.
/// </summary>
public sealed record AdminArticleCommand(string Id, string? Article, string? DocumentId);
