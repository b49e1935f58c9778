namespace NewsQA.Core.Indexing;

/// <summary>One article record of a segment: its document number there, the article, the file it came from and its fingerprint.</summary>
internal sealed record ArticleRecord(int Local, IndexedArticle Article, string Path, string? ContentHash);
