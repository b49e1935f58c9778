using System.Collections.Concurrent;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Indexing;

/// <summary>
/// The searchable, in-memory form of an index: the passages, an inverted index of compressed posting lists for BM25,
/// and the passage vectors (by dimension when sparse, whole when dense). It holds no per-passage term lists: the
/// persisted <see cref="IndexSnapshot"/> carries those, and is needed only to save and update. Immutable once built; a
/// re-index builds a new one.
/// </summary>
public sealed class PassageIndex
{
    private readonly Dictionary<string, PostingList> _postings;
    private readonly Lazy<ILookup<string, string>> _transliterationKeys;
    private readonly Lazy<double> _arabicShare;
    private readonly ConcurrentDictionary<(double K1, double B), LengthNorms> _norms = new();

    internal PassageIndex(
        IndexSettings settings,
        IReadOnlyList<IndexedArticle> documents,
        IReadOnlyList<Passage> passages,
        int[] lengths,
        int[] gramLengths,
        Dictionary<string, PostingList> postings,
        SparseVectors? sparse,
        DenseVectors? dense)
    {
        Settings = settings;
        Documents = documents;
        Passages = passages;
        Lengths = lengths;
        GramLengths = gramLengths;
        _postings = postings;
        Sparse = sparse;
        Dense = dense;
        AverageLength = lengths.Length == 0 ? 0 : lengths.Average();
        AverageGramLength = gramLengths.Length == 0 ? 0 : gramLengths.Average();
        PassagesById = passages.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        DocumentsById = documents.ToDictionary(d => d.DocumentId, StringComparer.Ordinal);
        _transliterationKeys = new(() => _postings.Keys
            .Where(t => t[0] != CharacterGrams.Marker && char.IsLetter(t[0]))
            .Select(t => (Term: t, Key: ArabicNormalizer.IsArabicLetter(t[0]) ? "ar:" + CrossLingual.TransliterationKey.FromArabic(t) : "en:" + CrossLingual.TransliterationKey.FromLatin(t)))
            .ToLookup(x => x.Key, x => x.Term, StringComparer.Ordinal));
        _arabicShare = new(() => passages.Count == 0 ? 0 : passages.Count(p => LanguageDetector.DetectAnswerLanguage(p.Text) == TextLanguage.Arabic) / (double)passages.Count);
    }

    /// <summary>The searchable form of a whole snapshot.</summary>
    public static PassageIndex Build(IndexSnapshot snapshot)
    {
        var builder = new PassageIndexBuilder(snapshot.Settings);
        foreach (var document in snapshot.Documents) builder.Add(document);
        return builder.Build();
    }

    public IndexSettings Settings { get; }

    /// <summary>The articles, in index order.</summary>
    public IReadOnlyList<IndexedArticle> Documents { get; }

    /// <summary>Every passage; a passage's position here is its passage number.</summary>
    public IReadOnlyList<Passage> Passages { get; }

    public IReadOnlyDictionary<string, int> PassagesById { get; }

    public IReadOnlyDictionary<string, IndexedArticle> DocumentsById { get; }

    /// <summary>The passage with this id, or null.</summary>
    public Passage? FindPassage(string passageId) => PassagesById.TryGetValue(passageId, out var i) ? Passages[i] : null;

    public int Dimensions => Settings.Dimensions;

    /// <summary>Per passage, the number of word terms (the word field's length for BM25).</summary>
    public int[] Lengths { get; }

    public double AverageLength { get; }

    /// <summary>Per passage, the number of character-gram terms (the n-gram field's length for BM25).</summary>
    public int[] GramLengths { get; }

    public double AverageGramLength { get; }

    /// <summary>The passage vectors by dimension, when they are sparse (the offline hashing embedding).</summary>
    public SparseVectors? Sparse { get; }

    /// <summary>The passage vectors whole, when they are dense (a provider's embeddings).</summary>
    public DenseVectors? Dense { get; }

    public int Count => Passages.Count;

    public Passage GetPassage(int index) => Passages[index];

    /// <summary>Inverse document frequency of a term, log(1 + (N - df + 0.5) / (df + 0.5)); unseen terms weigh as the rarest.</summary>
    public double InverseDocumentFrequency(string term) => Idf(Count, DocumentFrequency(term));

    /// <summary>Inverse document frequency of a synonym group: the document frequency of the union of its terms.</summary>
    public double GroupInverseDocumentFrequency(IEnumerable<string> terms)
    {
        var lists = terms.Distinct(StringComparer.Ordinal).Where(_postings.ContainsKey).Select(t => _postings[t]).ToList();
        if (lists.Count <= 1) return Idf(Count, lists.Sum(l => l.Count));
        var union = new HashSet<int>();
        foreach (var list in lists)
        {
            var reader = list.GetReader();
            while (reader.Next(out var passage, out _)) union.Add(passage);
        }

        return Idf(Count, union.Count);
    }

    public static double Idf(int passages, int documentFrequency) =>
        Math.Log(1 + ((passages - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    /// <summary>Document frequency of a term (0 when the articles never use it).</summary>
    public int DocumentFrequency(string term) => _postings.TryGetValue(term, out var postings) ? postings.Count : 0;

    /// <summary>Word terms of the index by transliteration key (Arabic and Latin apart), built on first use.</summary>
    public ILookup<string, string> TermsByTransliterationKey => _transliterationKeys.Value;

    /// <summary>Share of passages whose text is mostly Arabic.</summary>
    public double ArabicShare => _arabicShare.Value;

    public bool TryGetPostings(string term, out PostingList postings) => _postings.TryGetValue(term, out postings);

    /// <summary>
    /// BM25's length normalization k1 * (1 - b + b * length / average) for every passage, for words and for grams,
    /// computed once per (k1, b) so that scoring a posting is one multiply-add and one division.
    /// </summary>
    public LengthNorms NormsFor(double k1, double b) => _norms.GetOrAdd((k1, b), key => new LengthNorms(
        Norms(Lengths, AverageLength, key.K1, key.B), Norms(GramLengths, AverageGramLength, key.K1, key.B)));

    private static float[] Norms(int[] lengths, double average, double k1, double b)
    {
        var safeAverage = Math.Max(average, 1e-9);
        return [.. lengths.Select(length => (float)(k1 * (1 - b + (b * length / safeAverage))))];
    }

    /// <summary>Per-passage BM25 length normalizations for the word field and the gram field.</summary>
    public sealed record LengthNorms(float[] Words, float[] Grams);
}
