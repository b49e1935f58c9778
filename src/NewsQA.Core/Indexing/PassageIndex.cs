using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Indexing;

/// <summary>
/// One searchable snapshot of a Lucene index: a point-in-time reader over the segments of one commit (or of a writer).
/// Passage numbers are the reader's document numbers, valid for this snapshot only. Passages are read from their
/// citation records when asked for. What is known of the whole index (articles, counts, frequencies, dates, length
/// norms) is built per segment and shared by every snapshot that keeps the segment; the snapshot merges those parts,
/// so a refresh costs what the commit changed. The reader is reference-counted: whoever opened the snapshot holds one
/// reference (released by <see cref="Dispose"/>), and every <see cref="IndexLease"/> holds one more while it reads.
/// </summary>
public sealed class PassageIndex : IDisposable
{
    private readonly DirectoryReader _reader;
    private readonly Lazy<IndexTotals> _totals;
    private readonly ArticleCatalogue _articles;
    private readonly TermStatistics _statistics;
    private readonly PublicationDates _dates;
    private readonly Lazy<float[]> _vectorNorms;

    // The snapshot's own arrays (vector norms, dates, length norms) are its segments' arrays laid end to end at their
    // document bases, because scoring indexes them by passage number: a copy of a few bytes per passage (under 2 MB at
    // 100,000 passages), made on first use. Length norms are the snapshot's by nature: they divide by its average length.
    private readonly ConcurrentDictionary<(double K1, double B), LengthNorms> _norms = new();
    private int _disposed;

    internal PassageIndex(DirectoryReader reader, IndexSettings settings)
    {
        _reader = reader;
        Settings = settings;
        Searcher = new IndexSearcher(reader);
        _totals = new(() => IndexTotals.Of(Segments));
        _articles = new ArticleCatalogue(reader.Leaves);
        _statistics = new TermStatistics(reader.Leaves);
        _dates = new PublicationDates(reader.Leaves, reader.MaxDoc);
        _vectorNorms = new(() =>
        {
            var all = new float[reader.MaxDoc];
            foreach (var segment in Segments) SegmentValues.Of(segment.AtomicReader).VectorNorms.CopyTo(all, segment.DocBase);
            return all;
        });
    }

    /// <summary>A snapshot of the last commit in <paramref name="directory"/>.</summary>
    public static PassageIndex Open(Lucene.Net.Store.Directory directory)
    {
        var reader = DirectoryReader.Open(directory);
        var (settings, problem) = IndexSettings.FromCommitData(reader.IndexCommit.UserData);
        if (settings is null)
        {
            reader.Dispose();
            throw new InvalidDataException(problem);
        }

        return new PassageIndex(reader, settings);
    }

    public IndexSettings Settings { get; }

    internal IndexSearcher Searcher { get; }

    /// <summary>The reader of this snapshot (for refreshing to a newer one).</summary>
    internal DirectoryReader Reader => _reader;

    /// <summary>The references held on the reader: 0 once it is closed.</summary>
    internal int RefCount => _reader.RefCount;

    /// <summary>The reader's segments, for scorers that read postings and doc values directly.</summary>
    internal IList<AtomicReaderContext> Segments => _reader.Leaves;

    /// <summary>Lucene segments of the snapshot (a question reads each one; merges make them fewer).</summary>
    public int SegmentCount => _reader.Leaves.Count;

    /// <summary>The generation of the commit this snapshot reads (a cluster's revision number).</summary>
    public long Generation => _reader.IndexCommit.Generation;

    /// <summary>One past the highest passage number: the size of a per-passage score array.</summary>
    public int MaxDoc => _reader.MaxDoc;

    /// <summary>Live passages.</summary>
    public int Count => _totals.Value.Passages;

    /// <summary>Live articles (without listing them).</summary>
    public int ArticleCount => _totals.Value.Articles;

    public int Dimensions => Settings.Dimensions;

    /// <summary>Whether passages carry a provider's dense vectors (else the vector leg is the lexical cosine).</summary>
    public bool HasVectors => Settings.EmbedderId != PassageEncoder.OfflineId;

    /// <summary>The articles, in corpus order (by file path, then id).</summary>
    public IReadOnlyList<IndexedArticle> Documents => _articles.All;

    /// <summary>Every live passage, in index order; reads every stored passage, so only for small scopes (summaries).</summary>
    public IReadOnlyList<Passage> Passages => [.. LivePassages().Select(GetPassage)];

    /// <summary>The passage with this passage number.</summary>
    public Passage GetPassage(int passageNumber)
    {
        var leaves = _reader.Leaves;
        var segment = leaves[ReaderUtil.SubIndex(passageNumber, leaves)];
        var (reader, local) = (segment.AtomicReader, passageNumber - segment.DocBase);
        Passage passage;
        if (reader.GetDocsWithField(IndexFields.PassageRecord) is { } present && present.Get(local))
        {
            var record = new BytesRef();
            reader.GetBinaryDocValues(IndexFields.PassageRecord).Get(local, record);
            passage = PassageRecord.Decode(record);
        }
        else
        {
            passage = PassageDocuments.ReadPassage(reader.Document(local));
        }

        return PassageEntityField.Attach(passage, reader, local);
    }

    /// <summary>The passage with this id, or null.</summary>
    public Passage? FindPassage(string passageId)
    {
        var hits = Searcher.Search(new TermQuery(new Term(IndexFields.PassageId, passageId)), 1);
        return hits.TotalHits == 0 ? null : GetPassage(hits.ScoreDocs[0].Doc);
    }

    /// <summary>The article with this id, or null.</summary>
    public IndexedArticle? FindArticle(string documentId) => _articles.Find(documentId)?.Article;

    /// <summary>An article's passages in reading order.</summary>
    public IReadOnlyList<Passage> PassagesOf(string documentId)
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(IndexFields.DocumentId, documentId)), Occur.MUST },
            { new TermQuery(new Term(IndexFields.Kind, IndexFields.PassageKind)), Occur.MUST },
        };
        var hits = Searcher.Search(query, Math.Max(1, _reader.MaxDoc));
        // An article's passages are added as one block, so document order is reading order.
        return [.. hits.ScoreDocs.Select(h => h.Doc).Order().Select(GetPassage)];
    }

    /// <summary>The content hash of one article's record (the fingerprint of its file), or null when it is not indexed.</summary>
    public string? FingerprintOf(string documentId) => _articles.Find(documentId)?.ContentHash;

    /// <summary>Document id → content hash (the fingerprint of the file it was read from) of every article.</summary>
    public Dictionary<string, string> Fingerprints() =>
        _articles.Live().Where(r => r.ContentHash is not null).ToDictionary(r => r.Article.DocumentId, r => r.ContentHash!, StringComparer.Ordinal);

    /// <summary>Inverse document frequency of a term, log(1 + (N - df + 0.5) / (df + 0.5)); unseen terms weigh as the rarest.</summary>
    public double InverseDocumentFrequency(string term) => Idf(Count, DocumentFrequency(term));

    public static double Idf(int passages, int documentFrequency) =>
        Math.Log(1 + ((passages - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    /// <summary>Document frequency of an index term (a gram carries <see cref="CharacterGrams.Marker"/>); 0 when unused.</summary>
    public int DocumentFrequency(string term) => _statistics.DocumentFrequency(term);

    /// <summary>Inverse document frequency of a synonym group: the document frequency of the union of its terms.</summary>
    public double GroupInverseDocumentFrequency(IEnumerable<string> terms)
    {
        var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
        return Idf(Count, distinct.Count <= 1 ? distinct.Sum(DocumentFrequency) : GroupDocumentFrequency(distinct));
    }

    /// <summary>Live passages holding at least one of <paramref name="distinctTerms"/> (a synonym group's document frequency).</summary>
    internal int GroupDocumentFrequency(IReadOnlyCollection<string> distinctTerms) => _statistics.GroupDocumentFrequency(distinctTerms);

    /// <summary>Share of passages whose text is mostly Arabic.</summary>
    public double ArabicShare => Count == 0 ? 0 : _totals.Value.ArabicPassages / (double)Count;

    /// <summary>
    /// Per passage number, its article's publication date as UTC ticks, or <see cref="Undated"/> (an article without a
    /// date, an article record). Deleted passages keep their article's date: readers skip them by the live documents.
    /// </summary>
    public long[] PublishedTicks => _dates.Ticks;

    /// <summary>Whether a live passage's article was published in [<paramref name="fromTicks"/>, <paramref name="untilTicks"/>) (UTC ticks).</summary>
    public bool HasPassagesPublished(long fromTicks, long untilTicks) => _dates.AnyPublished(fromTicks, untilTicks);

    /// <summary>The <see cref="PublishedTicks"/> value of a passage whose article has no date.</summary>
    public const long Undated = SegmentDates.Undated;

    /// <summary>Per passage number, the length of its lexical vector (0 for article records; deleted passages keep theirs).</summary>
    public float[] VectorNorms => _vectorNorms.Value;

    /// <summary>BM25's length normalizations of every passage for one (k1, b), computed once per snapshot.</summary>
    public LengthNorms NormsFor(double k1, double b) =>
        _norms.GetOrAdd((k1, b), key => LengthNorms.For(Segments, MaxDoc, _totals.Value, key.K1, key.B));

    /// <summary>The Lucene field and term of an index term: a marked term is a gram.</summary>
    public static Term LuceneTerm(string term) =>
        term.Length > 0 && term[0] == CharacterGrams.Marker ? new Term(IndexFields.Grams, term[1..]) : new Term(IndexFields.Words, term);

    /// <summary>The live postings of a term, segment by segment, with each segment's first passage number.</summary>
    internal IEnumerable<(DocsEnum Docs, int DocBase)> Postings(Term term)
    {
        var bytes = term.Bytes;
        foreach (var segment in Segments)
        {
            var terms = segment.AtomicReader.GetTerms(term.Field)?.GetEnumerator();
            if (terms is null || !terms.SeekExact(bytes)) continue;
            yield return (terms.Docs(segment.AtomicReader.LiveDocs, null, DocsFlags.FREQS), segment.DocBase);
        }
    }

    /// <summary>Calls <paramref name="visit"/> with (passage number, term frequency) for every live posting of a term.</summary>
    internal void ForEachPosting(Term term, Action<int, int> visit)
    {
        foreach (var (docs, docBase) in Postings(term))
        {
            int doc;
            while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) visit(docBase + doc, docs.Freq);
        }
    }

    /// <summary>The passage numbers of the live passages (article records left out).</summary>
    internal IEnumerable<int> LivePassages()
    {
        var passages = new List<int>();
        ForEachPosting(new Term(IndexFields.Kind, IndexFields.PassageKind), (doc, _) => passages.Add(doc));
        return passages;
    }

    /// <summary>One more reference for a reader of this snapshot; false once its last reference is gone (it is closed).</summary>
    internal bool TryIncRef() => _reader.TryIncRef();

    /// <summary>Gives back a reference from <see cref="TryIncRef"/>; the last one closes the reader.</summary>
    internal void DecRef() => _reader.DecRef();

    /// <summary>Releases the opener's reference (once); the reader closes when no lease holds it either.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) _reader.DecRef();
    }
}
