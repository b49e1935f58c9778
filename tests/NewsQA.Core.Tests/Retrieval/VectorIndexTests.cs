using FSDirectory = Lucene.Net.Store.FSDirectory;
using NewsQA.Core.Indexing;
using NewsQA.Core.Indexing.Vectors;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Retrieval;

/// <summary>
/// The dense leg's vector index over a folder: per-segment HNSW graphs (here from 50 vectors a segment) derived from the
/// vectors Lucene stores, checked against an exact scan of the same vectors. No provider is involved: every graph is
/// built from the index folder alone.
/// </summary>
public sealed class VectorIndexTests : IDisposable
{
    private const int Dimensions = 16;
    private static readonly VectorIndexSettings Graphs = new(ExactBelow: 50);
    private static readonly VectorIndexSettings Exact = new(ExactBelow: int.MaxValue);
    private readonly TempFolder _temp = new();
    private readonly float[][] _vectors = RandomVectors(400, seed: 7);
    private readonly VectorFolder _folder;

    public VectorIndexTests() => _folder = new VectorFolder(_temp.File("index"), Dimensions);

    public void Dispose() => _temp.Dispose();

    private string IndexPath => _folder.IndexPath;

    private string VectorsPath => _folder.VectorsPath;

    private void Write(Action<PassageIndexWriter> change, bool create = false) => _folder.Write(change, create);

    private static IndexedDocument Article(int number, float[] vector) => VectorFolder.Article(number, vector);

    private void WriteAll() => _folder.Add(_vectors, 0, _vectors.Length, create: true);

    private static async Task<PassageIndex> OpenAsync(LuceneDirectoryHolder holder)
    {
        var index = PassageIndex.Open(holder.Directory);
        await VectorSearcher.WhenGraphsBuiltAsync(index, Graphs);
        return index;
    }

    private static List<string> Ids(PassageIndex index, float[] query, VectorIndexSettings settings, int k = 10, Func<int, bool>? accept = null) =>
        index.Ids(VectorSearcher.Search(index, query, k, accept, settings));

    [Fact]
    public async Task ALargeSegment_IsSearchedThroughItsGraph_FindingWhatTheExactScanFinds()
    {
        WriteAll();
        using var holder = new LuceneDirectoryHolder(IndexPath);
        using var index = await OpenAsync(holder);

        Assert.Single(Directory.EnumerateFiles(VectorsPath, "*.usearch"));
        Assert.NotNull(SegmentVectors.Of(index.Segments[0].AtomicReader, Graphs).Graph);
        var queries = RandomVectors(20, seed: 11);
        var found = queries.Sum(q => Ids(index, q, Graphs).Intersect(Ids(index, q, Exact)).Count());
        Assert.True(found >= 0.95 * 20 * 10, $"recall@10 {found / 200.0:0.00}");
        Assert.Equal("p123", Ids(index, _vectors[123], Graphs)[0]);
    }

    [Fact]
    public async Task NeighboursGatheredInOneOfManySegments_AreAllFound()
    {
        // Eight segments of 600 vectors, the query's nearest 80 all in the fourth: asked first for its share of the top
        // 60 (48), that segment's graph fills it with passages that all make the top 60, so it must be asked again for
        // all 60, or the other segments' far weaker passages would take the last 12 places.
        var query = RandomVectors(1, seed: 3)[0];
        var vectors = RandomVectors(4800, seed: 5).Select((v, i) => i is >= 1800 and < 1880 ? Around(query, v) : v).ToArray();
        for (var s = 0; s < 8; s++) _folder.Add(vectors, s * 600, (s + 1) * 600, create: s == 0);
        using var holder = new LuceneDirectoryHolder(IndexPath);
        using var index = await OpenAsync(holder);

        Assert.Equal(8, index.Segments.Count);
        Assert.All(index.Segments, s => Assert.NotNull(SegmentVectors.Of(s.AtomicReader, Graphs).Graph));
        Assert.Equal(48, VectorSearcher.Quota(60, 600 / 4800.0));
        var found = Ids(index, query, Graphs, k: 60);
        Assert.Equal(60, found.Count);
        Assert.True(found.Count(id => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) is >= 1800 and < 1880) >= 57, string.Join(' ', found));
        Assert.Equal(Ids(index, query, Exact, k: 10), found.Take(10));
    }

    [Theory]
    [InlineData(100, 1.0 / 9, 61)] // the hybrid question's depth over nine equal segments
    [InlineData(10, 0.5, 10)] // never more than k
    [InlineData(10, 1.0, 10)] // one segment: all of k
    [InlineData(100, 0.0001, 1)] // never less than one
    public void ASegmentsShareOfTheTopK_IsItsExpectedShare_PlusHeadroom(int k, double share, int quota) =>
        Assert.Equal(quota, VectorSearcher.Quota(k, share));

    [Fact]
    public async Task TheMatrix_HoldsARowOnlyForEachPassageWithAVector()
    {
        WriteAll();
        using var holder = new LuceneDirectoryHolder(IndexPath);
        using var index = await OpenAsync(holder);

        // Each one-passage article also has its record document, which carries no vector and takes no row: the file is
        // its header, 400 rows of 16 floats and 400 document numbers, not a row per document.
        Assert.True(index.Segments[0].AtomicReader.MaxDoc > 400);
        var matrix = Directory.EnumerateFiles(VectorsPath, "*.f32").Single();
        Assert.Equal(20 + (400 * Dimensions * 4) + (400 * 4), new FileInfo(matrix).Length);
        Assert.Equal(Ids(index, _vectors[77], Exact), Ids(index, _vectors[77], Graphs));
        Assert.Equal("p77", Ids(index, _vectors[77], Exact)[0]);
    }

    [Fact]
    public async Task ADeletedPassage_IsNeverFound_AndItsReplacementIsFoundAtOnce()
    {
        WriteAll();
        Write(w =>
        {
            w.Remove("d5");
            w.Replace(Article(9, _vectors[5]));
        });
        using var holder = new LuceneDirectoryHolder(IndexPath);
        using var index = await OpenAsync(holder);

        var hits = Ids(index, _vectors[5], Graphs);
        Assert.Equal("p9", hits[0]); // the replacement, in a new small segment scanned exactly
        Assert.DoesNotContain("p5", hits);
        Assert.Single(hits, "p9");
        Assert.Equal(Ids(index, _vectors[200], Exact), Ids(index, _vectors[200], Graphs));
    }

    [Fact]
    public async Task AMergedSegment_GetsItsGraphFromTheStoredVectors()
    {
        _folder.Add(_vectors, 0, 200, create: true);
        _folder.Add(_vectors, 200, _vectors.Length);
        Write(w => w.ForceMerge(1));
        using var holder = new LuceneDirectoryHolder(IndexPath);
        using var index = await OpenAsync(holder);

        Assert.Single(index.Segments);
        Assert.NotNull(SegmentVectors.Of(index.Segments[0].AtomicReader, Graphs).Graph);
        Assert.Equal("p321", Ids(index, _vectors[321], Graphs)[0]);
        Assert.Equal("p17", Ids(index, _vectors[17], Graphs)[0]);
    }

    [Fact]
    public async Task ASelectiveFilter_StillGetsItsTopK()
    {
        WriteAll();
        using var holder = new LuceneDirectoryHolder(IndexPath);
        using var index = await OpenAsync(holder);
        bool EveryTwentieth(int p) => int.Parse(index.GetPassage(p).Id[1..], System.Globalization.CultureInfo.InvariantCulture) % 20 == 0;

        // One passage in twenty: the graph's nearest hold too few of them, so the segment is scanned exactly.
        var filtered = Ids(index, _vectors[40], Graphs, k: 5, EveryTwentieth);

        Assert.Equal(5, filtered.Count);
        Assert.Equal("p40", filtered[0]);
        Assert.Equal(Ids(index, _vectors[40], Exact, k: 5, EveryTwentieth), filtered);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("damaged")]
    [InlineData("killed")]
    public async Task AMissingDamagedOrHalfWrittenVectorIndex_IsRebuiltFromTheIndexFolder(string what)
    {
        WriteAll();
        using (var holder = new LuceneDirectoryHolder(IndexPath))
        using (await OpenAsync(holder))
        {
        }

        var graph = Directory.EnumerateFiles(VectorsPath, "*.usearch").Single();
        var matrix = Directory.EnumerateFiles(VectorsPath, "*.f32").Single();
        switch (what)
        {
            case "missing":
                Directory.Delete(VectorsPath, recursive: true);
                break;
            case "damaged":
                await File.WriteAllBytesAsync(graph, [.. Enumerable.Range(0, 4096).Select(i => (byte)i)]);
                using (var stream = new FileStream(matrix, System.IO.FileMode.Open)) stream.SetLength(stream.Length / 2);
                break;
            case "killed":
                File.Delete(graph);
                await File.WriteAllBytesAsync(graph + ".tmp", new byte[100]);
                break;
        }

        using var reopened = new LuceneDirectoryHolder(IndexPath);
        using var index = await OpenAsync(reopened);

        Assert.NotNull(SegmentVectors.Of(index.Segments[0].AtomicReader, Graphs).Graph);
        Assert.Equal("p42", Ids(index, _vectors[42], Graphs)[0]);
        Assert.True(new FileInfo(Directory.EnumerateFiles(VectorsPath, "*.usearch").Single()).Length > 4096);
    }

    private static float[][] RandomVectors(int count, int seed) => VectorFolder.RandomVectors(count, Dimensions, seed);

    // A unit vector close to centre (cosine above 0.9): the centre plus a tenth of the noise.
    private static float[] Around(float[] centre, float[] noise)
    {
        var v = centre.Zip(noise, (c, n) => c + 0.1f * n).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    /// <summary>A folder's Lucene directory, opened as a restarted process would.</summary>
    private sealed class LuceneDirectoryHolder(string path) : IDisposable
    {
        public FSDirectory Directory { get; } = FSDirectory.Open(path);

        public void Dispose() => Directory.Dispose();
    }
}
