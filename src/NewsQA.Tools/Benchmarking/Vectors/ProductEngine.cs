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
/// `exact-lucene` scans every segment's packed matrix exactly. A long build tells <c>progress</c> where it is (passages
/// written, then vectors in a graph), so a run stopped at its time limit says what it reached.
/// </summary>
public sealed class ProductEngine(int dimensions, VectorIndexSettings settings, Action<string>? progress = null) : IVectorEngine
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);
    private IndexFolder? _folder;
    private PassageIndex? _index;
    private int[] _vectorOf = [];

    private IndexSettings Settings => new(Core.Text.TextAnalyzer.Version, "bench/clustered-vectors", dimensions, int.MaxValue);

    public void Build(IEnumerable<float[][]> chunks, string folder)
    {
        using var index = IndexFolder.Open(folder);
        var written = 0;
        using (var writer = PassageIndexWriter.Open(index.Directory, Settings, create: true))
        {
            foreach (var chunk in chunks)
            {
                var offset = written;
                Parallel.For(0, chunk.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => writer.Add(Article(offset + i, chunk[i])));
                written += chunk.Length;
                progress?.Invoke($"{written:N0} passages written");
            }

            writer.Commit();
            progress?.Invoke($"{written:N0} passages committed, merging");
        } // closing waits for the merges the commit started and commits them: the segments a restarted service opens

        // As a service's refresh does: the snapshot's vectors warmed, then its graphs built in the background.
        using var snapshot = index.OpenSnapshot();
        var built = VectorSearcher.WhenGraphsBuiltAsync(snapshot, settings);
        while (!built.Wait(ProgressInterval))
        {
            var (inGraphs, total) = VectorSearcher.GraphProgress(snapshot, settings);
            progress?.Invoke($"{written:N0} passages committed; {inGraphs:N0} of {total:N0} vectors in a finished graph");
        }
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
