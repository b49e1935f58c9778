using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace NewsQA.Core.Indexing;

/// <summary>
/// A segment's article records (title, source, path, date, link, language, fingerprint), read once per segment core and
/// shared by every snapshot that keeps the segment: a refreshed snapshot reads only its new segments' records. Records
/// deleted since the core was written are kept here and left out by the reader's live documents where they are used,
/// so one copy serves the segment before and after its deletions.
/// </summary>
internal sealed class SegmentArticles
{
    /// <summary>The records of each segment core.</summary>
    internal static readonly PerSegment<SegmentArticles> Table = PerSegment<SegmentArticles>.ByCore(reader => new SegmentArticles(reader));

    private static readonly HashSet<string> Fields =
    [
        IndexFields.DocumentId, IndexFields.Title, IndexFields.Source, IndexFields.SourcePath, IndexFields.Published,
        IndexFields.Url, IndexFields.ArticleLanguage, IndexFields.ContentHash,
    ];

    private readonly Dictionary<string, int[]> _byId;

    private SegmentArticles(AtomicReader reader)
    {
        var records = SegmentPostings.Of(reader, new Term(IndexFields.Kind, IndexFields.ArticleKind), accepted: null).Select(doc => Read(reader, doc));
        // Corpus order (by file path, then id), so snapshots merge the segments' lists rather than sort them.
        Records = [.. records.OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Article.DocumentId, StringComparer.Ordinal)];
        _byId = Enumerable.Range(0, Records.Count).GroupBy(i => Records[i].Article.DocumentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Every record the core holds, in corpus order, deleted ones included.</summary>
    public IReadOnlyList<ArticleRecord> Records { get; }

    /// <summary>The records of a segment, keyed by its core (shared across snapshots while the segment lives).</summary>
    public static SegmentArticles Of(AtomicReader reader) => Table.Of(reader);

    /// <summary>The live record of this article in the segment, or null.</summary>
    public ArticleRecord? Find(string documentId, IBits? live)
    {
        if (!_byId.TryGetValue(documentId, out var positions)) return null;
        foreach (var position in positions)
        {
            if (live is null || live.Get(Records[position].Local)) return Records[position];
        }

        return null;
    }

    private static ArticleRecord Read(AtomicReader reader, int doc)
    {
        var stored = reader.Document(doc, Fields);
        var published = stored.Get(IndexFields.Published) is { } date ? DateTimeOffset.Parse(date, CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
        var article = new IndexedArticle(stored.Get(IndexFields.DocumentId), stored.Get(IndexFields.Title), stored.Get(IndexFields.Source))
        {
            Published = published,
            Url = stored.Get(IndexFields.Url),
            Language = stored.Get(IndexFields.ArticleLanguage),
        };
        return new ArticleRecord(doc, article, stored.Get(IndexFields.SourcePath) ?? string.Empty, stored.Get(IndexFields.ContentHash));
    }
}
