using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Indexing;

/// <summary>
/// The searchable, in-memory form of an index: an inverted index of terms for BM25 and one contiguous row-major matrix
/// of passage vectors for SIMD similarity. Immutable once built; a re-index builds a new one.
/// </summary>
public sealed class PassageIndex
{
    private readonly Dictionary<string, Postings> _postings;
    private readonly Lazy<ILookup<string, string>> _transliterationKeys;
    private readonly Lazy<double> _arabicShare;
    private readonly Lazy<SparseVectors?> _bucketPostings;

    public PassageIndex(IndexSnapshot snapshot)
    {
        Dimensions = snapshot.Settings.Dimensions;
        var count = snapshot.Documents.Sum(d => d.Passages.Count);
        Vectors = new float[(long)count * Dimensions];
        Snapshot = ShareVectors(snapshot, Vectors, Dimensions);
        Passages = [.. Snapshot.Documents.SelectMany(d => d.Passages)];
        Lengths = new int[Passages.Count];
        GramLengths = new int[Passages.Count];

        var building = new Dictionary<string, (List<int> Ids, List<int> Tfs)>(StringComparer.Ordinal);
        long totalLength = 0;
        for (var p = 0; p < Passages.Count; p++)
        {
            var passage = Passages[p];
            Lengths[p] = passage.Length;
            totalLength += passage.Length;
            for (var t = 0; t < passage.Terms.Length; t++)
            {
                if (passage.Terms[t][0] == Text.CharacterGrams.Marker) GramLengths[p] += passage.Frequencies[t];
                if (!building.TryGetValue(passage.Terms[t], out var list))
                {
                    list = ([], []);
                    building[passage.Terms[t]] = list;
                }

                list.Ids.Add(p);
                list.Tfs.Add(passage.Frequencies[t]);
            }
        }

        AverageLength = Passages.Count == 0 ? 0 : (double)totalLength / Passages.Count;
        AverageGramLength = Passages.Count == 0 ? 0 : GramLengths.Average();
        _postings = building.ToDictionary(kv => kv.Key, kv => new Postings([.. kv.Value.Ids], [.. kv.Value.Tfs]), StringComparer.Ordinal);
        PassagesById = Passages.Select((p, i) => (p.Passage.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        DocumentsById = Snapshot.Documents.ToDictionary(d => d.DocumentId, StringComparer.Ordinal);
        _transliterationKeys = new(() => _postings.Keys
            .Where(t => t[0] != Text.CharacterGrams.Marker && char.IsLetter(t[0]))
            .Select(t => (Term: t, Key: (Text.ArabicNormalizer.IsArabicLetter(t[0]) ? "ar:" + CrossLingual.TransliterationKey.FromArabic(t) : "en:" + CrossLingual.TransliterationKey.FromLatin(t))))
            .ToLookup(x => x.Key, x => x.Term, StringComparer.Ordinal));
        _bucketPostings = new(() => SparseVectors.TryBuild(Vectors, Count, Dimensions));
        _arabicShare = new(() => Passages.Count == 0 ? 0 : Passages.Count(p => Text.LanguageDetector.DetectAnswerLanguage(p.Passage.Text) == Text.TextLanguage.Arabic) / (double)Passages.Count);
    }

    // Copies every passage vector into the one matrix and points the passages at their rows, so each vector is held
    // once: the matrix serves SIMD search, the rows serve saving and incremental reuse.
    private static IndexSnapshot ShareVectors(IndexSnapshot snapshot, float[] matrix, int dimensions)
    {
        var row = 0;
        var documents = snapshot.Documents.Select(d => d with
        {
            Passages = [.. d.Passages.Select(p =>
            {
                var slice = matrix.AsMemory(row++ * dimensions, dimensions);
                p.Vector.Span.CopyTo(slice.Span);
                return p with { Vector = slice };
            })],
        }).ToList();
        return snapshot with { Documents = documents };
    }

    public IndexSnapshot Snapshot { get; }

    public IReadOnlyList<IndexedPassage> Passages { get; }

    public IReadOnlyDictionary<string, int> PassagesById { get; }

    public IReadOnlyDictionary<string, IndexedDocument> DocumentsById { get; }

    /// <summary>The passage with this id, or null.</summary>
    public Passage? FindPassage(string passageId) => PassagesById.TryGetValue(passageId, out var i) ? Passages[i].Passage : null;

    public int Dimensions { get; }

    public int[] Lengths { get; }

    public double AverageLength { get; }

    /// <summary>Per passage, the number of character-gram terms (the n-gram field's length for BM25).</summary>
    public int[] GramLengths { get; }

    public double AverageGramLength { get; }

    /// <summary>Passage vectors, row-major: passage p occupies [p * Dimensions, (p + 1) * Dimensions).</summary>
    public float[] Vectors { get; }

    public int Count => Passages.Count;

    public Passage GetPassage(int index) => Passages[index].Passage;

    /// <summary>Inverse document frequency of a term, log(1 + (N - df + 0.5) / (df + 0.5)); unseen terms weigh as the rarest.</summary>
    public double InverseDocumentFrequency(string term) =>
        Idf(Count, _postings.TryGetValue(term, out var postings) ? postings.PassageIds.Length : 0);

    /// <summary>Inverse document frequency of a synonym group: the document frequency of the union of its terms.</summary>
    public double GroupInverseDocumentFrequency(IEnumerable<string> terms) =>
        Idf(Count, terms.Where(_postings.ContainsKey).SelectMany(t => _postings[t].PassageIds).Distinct().Count());

    public static double Idf(int passages, int documentFrequency) =>
        Math.Log(1 + ((passages - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    /// <summary>Document frequency of a term (0 when the articles never use it).</summary>
    public int DocumentFrequency(string term) => _postings.TryGetValue(term, out var postings) ? postings.PassageIds.Length : 0;

    /// <summary>Word terms of the index by transliteration key (Arabic and Latin apart), built on first use.</summary>
    public ILookup<string, string> TermsByTransliterationKey => _transliterationKeys.Value;

    /// <summary>
    /// The passage vectors by dimension (only their non-zero entries), when they are sparse enough for that to be the
    /// faster way to score them: true of the offline hashing embedding, not of a provider's dense vectors.
    /// </summary>
    public SparseVectors? BucketPostings => _bucketPostings.Value;

    /// <summary>Share of passages whose text is mostly Arabic.</summary>
    public double ArabicShare => _arabicShare.Value;

    public bool TryGetPostings(string term, out Postings postings) => _postings.TryGetValue(term, out postings!);

    /// <summary>The passages of one term: parallel arrays of passage numbers and term frequencies.</summary>
    public sealed record Postings(int[] PassageIds, int[] Frequencies);
}
