using NewsQA.Core.Indexing;
using NewsQA.Core.Indexing.Vectors;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Retrieval;

/// <summary>
/// The vector index follows the snapshots a service answers from: a refresh warms a new or merged segment's vectors
/// before any question (its graph built in the background, the exact scan answering meanwhile), and the files of
/// segments merged away are deleted once no snapshot reads them, so vectors/ does not grow over a long run.
/// </summary>
public sealed class VectorIndexLifetimeTests : IDisposable
{
    private const int Dimensions = 16;
    private static readonly VectorIndexSettings Graphs = new(ExactBelow: 50);
    private static readonly VectorIndexSettings Exact = new(ExactBelow: int.MaxValue);
    private readonly TempFolder _temp = new();
    private readonly float[][] _vectors = VectorFolder.RandomVectors(400, Dimensions, seed: 7);
    private readonly VectorFolder _folder;

    public VectorIndexLifetimeTests() => _folder = new VectorFolder(_temp.File("index"), Dimensions);

    public void Dispose() => _temp.Dispose();

    private LiveIndex OpenLive()
    {
        var folder = IndexFolder.Open(_folder.IndexPath);
        return new LiveIndex(folder, folder.OpenSnapshot(), Graphs);
    }

    private static void Merge(LiveIndex live)
    {
        using (var writer = live.OpenWriter())
        {
            writer.ForceMerge(1);
            writer.Commit();
        }

        Assert.True(live.Refresh());
    }

    private static List<string> Ids(PassageIndex index, float[] query, VectorIndexSettings settings) =>
        index.Ids(VectorSearcher.Search(index, query, 10, settings: settings));

    [Fact]
    public async Task SegmentsMergedAway_LoseTheirVectorFiles_OnceTheLastSnapshotReadingThemIsReleased()
    {
        _folder.Add(_vectors, 0, 200, create: true);
        _folder.Add(_vectors, 200, 400);
        using var live = OpenLive();
        using (var lease = live.Acquire()) await VectorSearcher.WhenGraphsBuiltAsync(lease.Index, Graphs);
        var before = _folder.SegmentsWithFiles();
        Assert.Equal(2, before.Count);
        Assert.Equal(2, Directory.EnumerateFiles(_folder.VectorsPath, "*.usearch").Count());
        await File.WriteAllBytesAsync(Path.Combine(_folder.VectorsPath, "embeddings-provider_model-16.bin"), [1, 2, 3]);

        var reading = live.Acquire(); // a question still reading the two segments
        Merge(live);

        Assert.Superset(before, _folder.SegmentsWithFiles()); // still read: kept
        reading.Dispose();
        var after = _folder.SegmentsWithFiles();
        Assert.Single(after);
        Assert.Empty(after.Intersect(before));
        Assert.True(File.Exists(Path.Combine(_folder.VectorsPath, "embeddings-provider_model-16.bin"))); // the cache is not the index's to delete
        using var current = live.Acquire();
        await VectorSearcher.WhenGraphsBuiltAsync(current.Index, Graphs);
        Assert.Equal("p321", Ids(current.Index, _vectors[321], Graphs)[0]);
        Assert.Single(Directory.EnumerateFiles(_folder.VectorsPath, "*.usearch"));
    }

    [Fact]
    public void FilesOfSegmentsNoLongerInTheIndex_AreDeletedWhenItIsOpened_AndTheCurrentOnesAreKept()
    {
        _folder.Add(_vectors, 0, 100, create: true);
        using (OpenLive())
        {
        }

        var current = Directory.EnumerateFiles(_folder.VectorsPath).Select(Path.GetFileName).ToList();
        // A segment merged away while no process held the index, a half-written graph of it, and a segment of the same
        // name from before a rebuild (another write time).
        string[] stale = ["_9z-1-10-16.f32", "_9z-1-10-16-f16.usearch.tmp", "_0-1-100-16.f32"];
        foreach (var name in stale) File.WriteAllBytes(Path.Combine(_folder.VectorsPath, name), [0]);

        using var live = OpenLive();

        Assert.Equal(current.Order(StringComparer.Ordinal), Directory.EnumerateFiles(_folder.VectorsPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ARefresh_WarmsAMergedSegmentBeforeAnyQuestion_AndTheExactScanAnswersWhileItsGraphBuilds()
    {
        _folder.Add(_vectors, 0, 30, create: true); // below the switch point: no graph
        using var live = OpenLive();
        _folder.Add(_vectors, 30, 400);

        await SegmentVectors.Builders.WaitAsync(); // no graph build may start until released
        try
        {
            Merge(live);
            using var lease = live.Acquire();
            var merged = lease.Index.Segments.Single().AtomicReader;

            // Warmed by the refresh, before any question: the merged segment's matrix is on disk and mapped.
            Assert.Equal([((Lucene.Net.Index.SegmentReader)merged).SegmentName], _folder.SegmentsWithFiles("*.f32"));
            Assert.Null(SegmentVectors.Of(merged, Graphs).Graph);
            Assert.Equal(Ids(lease.Index, _vectors[123], Exact), Ids(lease.Index, _vectors[123], Graphs));
        }
        finally
        {
            SegmentVectors.Builders.Release();
        }

        using var after = live.Acquire();
        await VectorSearcher.WhenGraphsBuiltAsync(after.Index, Graphs);
        Assert.NotNull(SegmentVectors.Of(after.Index.Segments.Single().AtomicReader, Graphs).Graph);
        Assert.Equal("p123", Ids(after.Index, _vectors[123], Graphs)[0]);
    }
}
