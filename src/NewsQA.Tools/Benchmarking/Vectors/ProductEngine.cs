using NewsQA.Core.Indexing;
using NewsQA.Core.Indexing.Vectors;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Retrieval;

namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>
/// The product's own index: each vector is a passage written through the product's index writer (binary doc values
/// beside a short passage's fields, one article per passage, two writing threads as `newsqa bench` does), then searched
/// by <see cref="VectorSearcher"/> over its per-segment vector index. `newsqa` is the product's defaults (HNSW graphs
/// for segments from Retrieval:VectorExactBelow vectors, built, both cores, before the build counts as done);
/// `exact-lucene` scans every segment's packed matrix exactly.
/// </summary>
public sealed class ProductEngine(int dimensions, VectorIndexSettings settings) : IVectorEngine
{
    private IndexFolder? _folder;
    private PassageIndex? _index;
    private int[] _vectorOf = [];

    private IndexSettings Settings => new(Core.Text.TextAnalyzer.Version, "bench/clustered-vectors", dimensions, int.MaxValue);

    public void Build(IEnumerable<float[][]> chunks, string folder)
    {
        using var index = IndexFolder.Open(folder);
        using var writer = PassageIndexWriter.Open(index.Directory, Settings, create: true);
        var start = 0;
        foreach (var chunk in chunks)
        {
            var offset = start;
            Parallel.For(0, chunk.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => writer.Add(Article(offset + i, chunk[i])));
            start += chunk.Length;
        }

        writer.Commit();
        using var snapshot = index.OpenSnapshot();
        VectorSearcher.WhenGraphsBuiltAsync(snapshot, settings).GetAwaiter().GetResult();
    }

    public void Open(string folder)
    {
        _folder = IndexFolder.Open(folder);
        _index = _folder.OpenSnapshot();
        // Passage numbers are the reader's document numbers, which merges reorder: map each to its vector once, up front.
        // A reader of the same commit numbers its documents the same way: its passages with a vector are the numbers
        // VectorSearcher can return, and the product's own GetPassage names each one's vector.
        using var reader = Lucene.Net.Index.DirectoryReader.Open(_folder.Directory);
        _vectorOf = new int[reader.MaxDoc];
        Array.Fill(_vectorOf, -1);
        foreach (var leaf in reader.Leaves)
        {
            var present = leaf.AtomicReader.GetDocsWithField(IndexFields.Vector);
            for (var d = 0; present is not null && d < leaf.AtomicReader.MaxDoc; d++)
            {
                if (present.Get(d)) _vectorOf[leaf.DocBase + d] = int.Parse(_index.GetPassage(leaf.DocBase + d).Id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    public int[] Search(float[] query, int k) =>
        [.. VectorSearcher.Search(_index ?? throw new InvalidOperationException("Open the index first."), query, k, settings: settings).Select(s => _vectorOf[s.PassageNumber])];

    public void Dispose()
    {
        _index?.Dispose();
        _folder?.Dispose();
    }

    private static IndexedDocument Article(int number, float[] vector)
    {
        var text = $"vector {number}";
        var passage = new Passage($"v{number}", $"a{number}", text, 1, 1, null, text, SentenceSplitter.Split(text));
        return new IndexedDocument($"a{number}", string.Empty, text, null, string.Empty, [new IndexedPassage(passage, vector)]);
    }
}
