using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Indexing;

/// <summary>
/// One searchable snapshot of a Lucene index: a point-in-time reader over the segments of one commit (or of a writer).
/// Passage numbers are the reader's document numbers, valid for this snapshot only. Passages are read from stored
/// fields when asked for; the per-passage arrays scoring needs (length norms, vector norms) are built on first use from
/// the exact lengths kept as doc values. Disposing it releases the reader.
/// </summary>
public sealed class PassageIndex : IDisposable
{
    private readonly DirectoryReader _reader;

    /// <summary>The reader of this snapshot (for refreshing to a newer one).</summary>
    internal DirectoryReader Reader => _reader;
    private readonly Lazy<int> _count;
    private readonly Lazy<IReadOnlyList<IndexedArticle>> _documents;
    private readonly Lazy<Dictionary<string, IndexedArticle>> _documentsById;
    private readonly Lazy<ILookup<string, string>> _transliterationKeys;
    private readonly Lazy<double> _arabicShare;
    private readonly Lazy<float[]> _vectorNorms;
    private readonly Lazy<long[]> _published;
    private readonly Lazy<(int[] Words, int[] Grams, double AverageWords, double AverageGrams)> _lengths;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(double K1, double B), LengthNorms> _norms = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _groupFrequencies = new(StringComparer.Ordinal);
    private const int MaxCachedGroups = 50_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _frequencies = new(StringComparer.Ordinal);
    private const int MaxCachedFrequencies = 200_000;
    private int _disposed;

    internal PassageIndex(DirectoryReader reader, IndexSettings settings)
    {
        _reader = reader;
        Settings = settings;
        Searcher = new IndexSearcher(reader);
        _count = new(() => LivePassages().Count());
        _documents = new(ReadArticles);
        _documentsById = new(() => Documents.ToDictionary(d => d.DocumentId, StringComparer.Ordinal));
        _transliterationKeys = new(() => WordTerms()
            .Where(t => char.IsLetter(t[0]))
            .Select(t => (Term: t, Key: ArabicNormalizer.IsArabicLetter(t[0]) ? "ar:" + CrossLingual.TransliterationKey.FromArabic(t) : "en:" + CrossLingual.TransliterationKey.FromLatin(t)))
            .ToLookup(x => x.Key, x => x.Term, StringComparer.Ordinal));
        _arabicShare = new(() => Count == 0 ? 0 : CountLive(new Term(IndexFields.Language, "ar")) / (double)Count);
        _vectorNorms = new(() => Gather(v => v.VectorNorms));
        _published = new(() =>
        {
            var all = new long[_reader.MaxDoc];
            foreach (var segment in Segments) SegmentDates.Of(segment.AtomicReader).CopyTo(all, segment.DocBase);
            return all;
        });
        _lengths = new(ReadLengths);
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

    /// <summary>The reader's segments, for scorers that read postings and doc values directly.</summary>
    internal IList<AtomicReaderContext> Segments => _reader.Leaves;

    /// <summary>One past the highest passage number: the size of a per-passage score array.</summary>
    public int MaxDoc => _reader.MaxDoc;

    /// <summary>Live passages.</summary>
    public int Count => _count.Value;

    public int Dimensions => Settings.Dimensions;

    /// <summary>Whether passages carry a provider's dense vectors (else the vector leg is the lexical cosine).</summary>
    public bool HasVectors => Settings.EmbedderId != PassageEncoder.OfflineId;

    /// <summary>The articles, in corpus order (by file path, then id).</summary>
    public IReadOnlyList<IndexedArticle> Documents => _documents.Value;

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
    public IndexedArticle? FindArticle(string documentId) => _documentsById.Value.GetValueOrDefault(documentId);

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
    public string? FingerprintOf(string documentId)
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(IndexFields.DocumentId, documentId)), Occur.MUST },
            { new TermQuery(new Term(IndexFields.Kind, IndexFields.ArticleKind)), Occur.MUST },
        };
        var hits = Searcher.Search(query, 1);
        return hits.TotalHits == 0 ? null : _reader.Document(hits.ScoreDocs[0].Doc, new HashSet<string> { IndexFields.ContentHash }).Get(IndexFields.ContentHash);
    }

    /// <summary>Document id → content hash (the fingerprint of the file it was read from) of every article.</summary>
    public Dictionary<string, string> Fingerprints()
    {
        var fields = new HashSet<string> { IndexFields.DocumentId, IndexFields.ContentHash };
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        ForEachPosting(new Term(IndexFields.Kind, IndexFields.ArticleKind), (doc, _) =>
        {
            var stored = _reader.Document(doc, fields);
            fingerprints[stored.Get(IndexFields.DocumentId)] = stored.Get(IndexFields.ContentHash);
        });
        return fingerprints;
    }

    /// <summary>Inverse document frequency of a term, log(1 + (N - df + 0.5) / (df + 0.5)); unseen terms weigh as the rarest.</summary>
    public double InverseDocumentFrequency(string term) => Idf(Count, DocumentFrequency(term));

    public static double Idf(int passages, int documentFrequency) =>
        Math.Log(1 + ((passages - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    /// <summary>Document frequency of an index term (a gram carries <see cref="CharacterGrams.Marker"/>); 0 when unused.</summary>
    public int DocumentFrequency(string term)
    {
        // Answering asks for the same words' frequencies question after question, and each costs a terms-dictionary
        // seek in every segment (a tenth of an answer's time at 100,000 passages); a snapshot never changes, so they
        // are kept, up to a bound, so a stream of never-repeated words cannot grow it without end.
        if (_frequencies.TryGetValue(term, out var known)) return known;
        var df = _reader.DocFreq(LuceneTerm(term));
        if (_frequencies.Count >= MaxCachedFrequencies) _frequencies.Clear();
        _frequencies[term] = df;
        return df;
    }

    /// <summary>Inverse document frequency of a synonym group: the document frequency of the union of its terms.</summary>
    public double GroupInverseDocumentFrequency(IEnumerable<string> terms)
    {
        var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
        return Idf(Count, distinct.Count <= 1 ? distinct.Sum(DocumentFrequency) : GroupDocumentFrequency(distinct));
    }

    /// <summary>
    /// Live passages holding at least one of <paramref name="distinctTerms"/> (a synonym group's document frequency).
    /// Only reading every member's postings tells it, so it is counted once per snapshot and group: retrieval and
    /// answering both need it, and the same translated words come back question after question.
    /// </summary>
    internal int GroupDocumentFrequency(IReadOnlyCollection<string> distinctTerms)
    {
        var key = string.Join('\n', distinctTerms.Order(StringComparer.Ordinal));
        if (_groupFrequencies.TryGetValue(key, out var known)) return known;
        var union = new FixedBitSet(Math.Max(1, _reader.MaxDoc));
        foreach (var term in distinctTerms) ForEachPosting(LuceneTerm(term), (doc, _) => union.Set(doc));
        // Bounded, so a stream of never-repeated groups cannot grow it without end.
        if (_groupFrequencies.Count >= MaxCachedGroups) _groupFrequencies.Clear();
        return _groupFrequencies[key] = union.Cardinality;
    }

    /// <summary>Word terms of the index by transliteration key (Arabic and Latin apart), built on first use.</summary>
    public ILookup<string, string> TermsByTransliterationKey => _transliterationKeys.Value;

    /// <summary>Share of passages whose text is mostly Arabic.</summary>
    public double ArabicShare => _arabicShare.Value;

    /// <summary>
    /// Per passage number, its article's publication date as UTC ticks, or <see cref="Undated"/> (an article without a
    /// date, an article record, a deleted passage). Built on first use from the article records of each segment.
    /// </summary>
    public long[] PublishedTicks => _published.Value;

    /// <summary>Whether a live passage's article was published in [<paramref name="fromTicks"/>, <paramref name="untilTicks"/>) (UTC ticks).</summary>
    public bool HasPassagesPublished(long fromTicks, long untilTicks)
    {
        var dates = PublishedTicks;
        foreach (var segment in Segments)
        {
            var live = segment.AtomicReader.LiveDocs;
            for (var d = 0; d < segment.AtomicReader.MaxDoc; d++)
            {
                var ticks = dates[segment.DocBase + d];
                if (ticks != Undated && ticks >= fromTicks && ticks < untilTicks && (live is null || live.Get(d))) return true;
            }
        }

        return false;
    }

    /// <summary>The <see cref="PublishedTicks"/> value of a passage whose article has no date.</summary>
    public const long Undated = SegmentDates.Undated;

    /// <summary>Per passage number, the length of its lexical vector (0 for article records and deleted passages).</summary>
    public float[] VectorNorms => _vectorNorms.Value;

    /// <summary>
    /// BM25's length normalization k1 * (1 - b + b * length / average) for every passage, for words and for grams,
    /// from the exact lengths, computed once per (k1, b) so that scoring a posting is one multiply-add and one division.
    /// </summary>
    public LengthNorms NormsFor(double k1, double b) => _norms.GetOrAdd((k1, b), key =>
    {
        var (words, grams, averageWords, averageGrams) = _lengths.Value;
        return new LengthNorms(Norms(words, averageWords, key.K1, key.B), Norms(grams, averageGrams, key.K1, key.B));
    });

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

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) _reader.DecRef();
    }

    /// <summary>The passage numbers of the live passages (article records left out).</summary>
    internal IEnumerable<int> LivePassages()
    {
        var passages = new List<int>();
        ForEachPosting(new Term(IndexFields.Kind, IndexFields.PassageKind), (doc, _) => passages.Add(doc));
        return passages;
    }

    private int CountLive(Term term)
    {
        var n = 0;
        ForEachPosting(term, (_, _) => n++);
        return n;
    }

    private IEnumerable<string> WordTerms()
    {
        var terms = MultiFields.GetTerms(_reader, IndexFields.Words)?.GetEnumerator();
        if (terms is null) yield break;
        while (terms.MoveNext()) yield return terms.Term.Utf8ToString();
    }

    private List<IndexedArticle> ReadArticles()
    {
        var fields = new HashSet<string> { IndexFields.DocumentId, IndexFields.Title, IndexFields.Source, IndexFields.SourcePath, IndexFields.Published, IndexFields.Url, IndexFields.ArticleLanguage };
        var articles = new List<(IndexedArticle Article, string Path)>();
        ForEachPosting(new Term(IndexFields.Kind, IndexFields.ArticleKind), (doc, _) =>
        {
            var stored = _reader.Document(doc, fields);
            var published = stored.Get(IndexFields.Published) is { } date ? DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
            var article = new IndexedArticle(stored.Get(IndexFields.DocumentId), stored.Get(IndexFields.Title), stored.Get(IndexFields.Source))
            {
                Published = published,
                Url = stored.Get(IndexFields.Url),
                Language = stored.Get(IndexFields.ArticleLanguage),
            };
            articles.Add((article, stored.Get(IndexFields.SourcePath) ?? string.Empty));
        });
        return [.. articles.OrderBy(a => a.Path, StringComparer.Ordinal).ThenBy(a => a.Article.DocumentId, StringComparer.Ordinal).Select(a => a.Article)];
    }

    private (int[], int[], double, double) ReadLengths()
    {
        var words = Gather(v => v.WordLengths);
        var grams = Gather(v => v.GramLengths);
        long wordSum = 0, gramSum = 0;
        var n = 0;
        foreach (var doc in LivePassages())
        {
            wordSum += words[doc];
            gramSum += grams[doc];
            n++;
        }

        return (words, grams, n == 0 ? 0 : wordSum / (double)n, n == 0 ? 0 : gramSum / (double)n);
    }

    // One array over the snapshot from each segment's cached values.
    private T[] Gather<T>(Func<SegmentValues, T[]> values)
    {
        var all = new T[_reader.MaxDoc];
        foreach (var segment in Segments) values(SegmentValues.Of(segment.AtomicReader)).CopyTo(all, segment.DocBase);
        return all;
    }

    private static float[] Norms(int[] lengths, double average, double k1, double b)
    {
        var safeAverage = Math.Max(average, 1e-9);
        return [.. lengths.Select(length => (float)(k1 * (1 - b + (b * length / safeAverage))))];
    }

    /// <summary>Per-passage BM25 length normalizations for the word field and the gram field.</summary>
    public sealed record LengthNorms(float[] Words, float[] Grams);
}
