using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Indexing;

/// <summary>
/// Builds a <see cref="PassageIndex"/> document by document. It keeps each passage's text, lengths and postings but not
/// its term list or vector, so a corpus can stream through it in batches: memory holds the inverted index, never the
/// corpus twice.
/// </summary>
public sealed class PassageIndexBuilder(IndexSettings settings)
{
    private readonly Dictionary<string, PostingListBuilder> _postings = new(StringComparer.Ordinal);
    private readonly List<IndexedArticle> _articles = [];
    private readonly List<Passage> _passages = [];
    private readonly List<int> _lengths = [];
    private readonly List<int> _gramLengths = [];
    private readonly List<float[]> _denseRows = [];
    private SparseVectors.Builder? _sparse;
    private int _dimensions;

    public int Count => _passages.Count;

    /// <summary>Adds a document's passages after those already added.</summary>
    public void Add(IndexedDocument document)
    {
        foreach (var indexed in document.Passages) AddPassage(indexed);
        _articles.Add(new IndexedArticle(document.DocumentId, document.Title, document.Source, [.. document.Passages.Select(p => p.Passage)]));
    }

    private void AddPassage(IndexedPassage indexed)
    {
        var number = _passages.Count;
        var gramLength = 0;
        for (var t = 0; t < indexed.Terms.Length; t++)
        {
            var term = indexed.Terms[t];
            if (term[0] == CharacterGrams.Marker) gramLength += indexed.Frequencies[t];
            if (!_postings.TryGetValue(term, out var list))
            {
                list = new PostingListBuilder();
                _postings[term] = list;
            }

            // BM25 saturates term frequency (tf / (tf + k1 * norm)), so counts above 255 score as 255 to within 0.4%.
            list.Add(number, (byte)Math.Min(indexed.Frequencies[t], byte.MaxValue));
        }

        _passages.Add(indexed.Passage);
        _lengths.Add(indexed.Length);
        _gramLengths.Add(gramLength);
        AddVector(indexed.Vector.Span);
    }

    // The first vector decides the form: hashed vectors are sparse, a provider's are dense. A later vector of the other
    // kind is still stored exactly, only less compactly.
    private void AddVector(ReadOnlySpan<float> vector)
    {
        if (_passages.Count == 1)
        {
            _dimensions = vector.Length;
            if (vector.Length > 0 && SparseVectors.IsSparse(vector)) _sparse = new SparseVectors.Builder(vector.Length);
        }

        if (vector.Length != _dimensions) throw new InvalidOperationException($"A passage has a vector of {vector.Length} dimensions, expected {_dimensions}.");
        if (_dimensions == 0) return;
        if (_sparse is not null) _sparse.Add(vector);
        else _denseRows.Add(vector.ToArray());
    }

    public PassageIndex Build()
    {
        // Term by term, so each builder's slack is freed as its trimmed list is made.
        var postings = new Dictionary<string, PostingList>(_postings.Count, StringComparer.Ordinal);
        foreach (var term in _postings.Keys.ToList())
        {
            _postings.Remove(term, out var list);
            postings[term] = list!.Build();
        }

        return new PassageIndex(
            settings with { Dimensions = _dimensions == 0 ? settings.Dimensions : _dimensions },
            _articles, _passages, [.. _lengths], [.. _gramLengths], postings,
            _sparse?.Build(), _sparse is null && _denseRows.Count > 0 ? new DenseVectors(_denseRows, _dimensions) : null);
    }
}
