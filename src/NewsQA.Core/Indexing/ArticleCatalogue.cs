using Lucene.Net.Index;

namespace NewsQA.Core.Indexing;

/// <summary>
/// The articles of one snapshot, from its segments' records (<see cref="SegmentArticles"/>, built once per segment):
/// the list in corpus order is a merge of the segments' ordered lists, made on first use; finding one article asks
/// each segment, without building the list.
/// </summary>
internal sealed class ArticleCatalogue
{
    private readonly IList<AtomicReaderContext> _segments;
    private readonly Lazy<IReadOnlyList<IndexedArticle>> _all;

    public ArticleCatalogue(IList<AtomicReaderContext> segments)
    {
        _segments = segments;
        _all = new(Merge);
    }

    /// <summary>The live articles in corpus order (by file path, then id).</summary>
    public IReadOnlyList<IndexedArticle> All => _all.Value;

    /// <summary>The live record of an article, or null.</summary>
    public ArticleRecord? Find(string documentId)
    {
        foreach (var segment in _segments)
        {
            if (SegmentArticles.Of(segment.AtomicReader).Find(documentId, segment.AtomicReader.LiveDocs) is { } found) return found;
        }

        return null;
    }

    /// <summary>Every live record.</summary>
    public IEnumerable<ArticleRecord> Live() => _segments.SelectMany(segment =>
    {
        var live = segment.AtomicReader.LiveDocs;
        return SegmentArticles.Of(segment.AtomicReader).Records.Where(r => live is null || live.Get(r.Local));
    });

    // A k-way merge of the segments' lists, each already in corpus order.
    private List<IndexedArticle> Merge()
    {
        var lists = _segments.Select(s => (Records: SegmentArticles.Of(s.AtomicReader).Records, Live: s.AtomicReader.LiveDocs)).ToList();
        var next = new int[lists.Count];
        var queue = new PriorityQueue<int, (string Path, string Id)>(Comparer<(string Path, string Id)>.Create((a, b) =>
        {
            var byPath = string.CompareOrdinal(a.Path, b.Path);
            return byPath != 0 ? byPath : string.CompareOrdinal(a.Id, b.Id);
        }));
        void Advance(int list)
        {
            var (records, live) = lists[list];
            while (next[list] < records.Count && live is not null && !live.Get(records[next[list]].Local)) next[list]++;
            if (next[list] < records.Count) queue.Enqueue(list, (records[next[list]].Path, records[next[list]].Article.DocumentId));
        }

        for (var list = 0; list < lists.Count; list++) Advance(list);
        var merged = new List<IndexedArticle>();
        while (queue.TryDequeue(out var list, out _))
        {
            merged.Add(lists[list].Records[next[list]++].Article);
            Advance(list);
        }

        return merged;
    }
}
