using NewsQA.Core.Indexing;
using NewsQA.Core.Indexing.Vectors;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Indexing.Vectors;

/// <summary>
/// A segment's graph is asked of the process's <see cref="IGraphSource"/> before it is built: a copy of an index (its
/// Lucene files, as a replica's pull brings them) gets the original's graph files from a source standing for the indexer.
/// </summary>
public sealed class GraphSourceTests : IDisposable
{
    private const int Dimensions = 16;
    private static readonly VectorIndexSettings Graphs = new(ExactBelow: 50);
    private readonly TempFolder _temp = new();
    private readonly float[][] _vectors = VectorFolder.RandomVectors(300, Dimensions, seed: 11);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AGraphTheSourceHasOnlyWhenTheBuildsTurnComes_IsFetchedThen_NotBuilt()
    {
        var indexer = new VectorFolder(_temp.File("indexer"), Dimensions);
        indexer.Add(_vectors, 0, 300, create: true);
        using (var built = Open(indexer.IndexPath, IGraphSource.None))
        using (var lease = built.Acquire())
        {
            await VectorSearcher.WhenGraphsBuiltAsync(lease.Index, Graphs);
        }

        var replica = new VectorFolder(_temp.File("replica"), Dimensions);
        Directory.CreateDirectory(replica.IndexPath);
        foreach (var file in Directory.EnumerateFiles(indexer.IndexPath).Where(f => Path.GetFileName(f) != "write.lock"))
        {
            File.Copy(file, Path.Combine(replica.IndexPath, Path.GetFileName(file)));
        }

        var source = new CopyingSource(indexer.VectorsPath);
        await SegmentVectors.Builders.WaitAsync(); // another segment's build holds the turn
        LiveIndex live;
        try
        {
            live = Open(replica.IndexPath, source);
            await source.FirstAsked.WaitAsync(TimeSpan.FromSeconds(30)); // throws TimeoutException: the source was never asked
            Assert.Equal(1, source.Asked);
            source.Has = true; // the indexer finished while the replica waited its turn
        }
        finally
        {
            SegmentVectors.Builders.Release();
        }

        using (live)
        using (var lease = live.Acquire())
        {
            await VectorSearcher.WhenGraphsBuiltAsync(lease.Index, Graphs);
            Assert.Equal((300, 300), VectorSearcher.GraphProgress(lease.Index, Graphs));
        }

        Assert.Equal(2, source.Asked);
        var graph = Assert.Single(Directory.GetFiles(replica.VectorsPath, "*.usearch"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(indexer.VectorsPath, Path.GetFileName(graph))), File.ReadAllBytes(graph));
    }

    private static LiveIndex Open(string path, IGraphSource graphs)
    {
        var folder = IndexFolder.Open(path);
        return new LiveIndex(folder, folder.OpenSnapshot(), Graphs, graphs);
    }

    // The indexer's graph files, given once it "has" them (no retries: the turn of the build is the only second ask).
    private sealed class CopyingSource(string folder) : IGraphSource
    {
        private readonly TaskCompletionSource _firstAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _asked;

        public volatile bool Has;

        public int Asked => Volatile.Read(ref _asked);

        /// <summary>Completes when the source is first asked for a file.</summary>
        public Task FirstAsked => _firstAsked.Task;

        public IReadOnlyList<TimeSpan> Retries => [];

        public Task<bool> TryFetchAsync(string fileName, string path, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _asked);
            _firstAsked.TrySetResult();
            if (!Has) return Task.FromResult(false);
            File.Copy(Path.Combine(folder, fileName), path + ".tmp", overwrite: true);
            File.Move(path + ".tmp", path, overwrite: true);
            return Task.FromResult(true);
        }
    }
}
