using System.Diagnostics;
using NewsQA.Core.Cluster;
using NewsQA.Core.Indexing;
using NewsQA.Core.Indexing.Vectors;
using NewsQA.Core.Retrieval;
using NewsQA.Tools.Benchmarking.Vectors;

namespace NewsQA.Tools.Benchmarking.Replica;

/// <summary>
/// What a replica pays for the vector files of a revision it pulls, derived against shipped: an indexer's index of
/// generated vectors (written and its vector files built as the product does), its Lucene files copied into a replica
/// folder (the pull, which both ways pay), then either the replica derives the vector files from the stored vectors
/// (time to the first dense answer, from the exact scan, and until every graph serves), or the indexer's vector files
/// are copied beside the Lucene files and opened (their bytes, the copy's time, and the time until the graphs serve), or,
/// as the product does, the replica derives each matrix and fetches each graph from the indexer over loopback HTTP
/// (<see cref="IndexerGraphs"/> against <see cref="GraphFileServer"/>).
/// </summary>
public static class ReplicaVectorCost
{
    private const int Seed = 20261206;
    private const int Chunk = 10_000;

    /// <summary>Measures one size in <paramref name="work"/> (emptied first) with these vector settings.</summary>
    public static ReplicaVectorResult Measure(int vectors, int dimensions, VectorIndexSettings settings, string work)
    {
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        var (indexer, derived, shipped, fetched) = (Path.Combine(work, "indexer"), Path.Combine(work, "derived"), Path.Combine(work, "shipped"), Path.Combine(work, "fetched"));
        var generator = new ClusteredVectors(dimensions, Seed);
        var built = Stopwatch.StartNew();
        using (var engine = new ProductEngine(dimensions, settings)) engine.Build(Chunks(generator, vectors), indexer);
        built.Stop();

        var pulled = Stopwatch.StartNew();
        var luceneBytes = CopyFiles(indexer, derived);
        pulled.Stop();
        CopyFiles(indexer, shipped);
        CopyFiles(indexer, fetched);
        var (deriveFirst, deriveAll, segments) = OpenAndServe(derived, settings, generator, IGraphSource.None);

        var vectorFiles = Path.Combine(indexer, "vectors");
        var copied = Stopwatch.StartNew();
        var vectorBytes = CopyFiles(vectorFiles, Path.Combine(shipped, "vectors"));
        copied.Stop();
        var (shipFirst, shipAll, _) = OpenAndServe(shipped, settings, generator, IGraphSource.None);

        var graphBytes = Directory.EnumerateFiles(vectorFiles, "*.usearch").Sum(f => new FileInfo(f).Length);
        var server = GraphFileServer.Start(vectorFiles);
        double fetchFirst, fetchAll;
        try
        {
            using var graphs = new IndexerGraphs(server.Address, "bench", retries: []);
            (fetchFirst, fetchAll, _) = OpenAndServe(fetched, settings, generator, graphs);
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return new ReplicaVectorResult(vectors, dimensions, settings.ExactBelow, segments, built.Elapsed.TotalSeconds, luceneBytes, pulled.Elapsed.TotalMilliseconds,
            deriveFirst, deriveAll, vectorBytes, copied.Elapsed.TotalMilliseconds, shipFirst, shipAll, graphBytes, fetchFirst, fetchAll, MachineLoad.Averages());
    }

    // Opens the folder's commit as a replica's pulled revision is (a live index warming each segment: its matrix opened
    // or derived, its graph opened, asked of the source, or its build started), asks the first dense question (answered
    // by exact scans where no graph serves yet), then waits for every graph to serve. Milliseconds from opening.
    private static (double FirstAnswerMs, double GraphsMs, int Segments) OpenAndServe(string path, VectorIndexSettings settings, ClusteredVectors generator, IGraphSource graphs)
    {
        var folder = IndexFolder.Open(path);
        var watch = Stopwatch.StartNew();
        using var live = new LiveIndex(folder, folder.OpenSnapshot(), settings, graphs);
        using var lease = live.Acquire();
        if (VectorSearcher.Search(lease.Index, generator.Query(0), 10, settings: settings).Count == 0) throw new InvalidOperationException($"no dense answer from {path}");
        var first = watch.Elapsed.TotalMilliseconds;
        VectorSearcher.WhenGraphsBuiltAsync(lease.Index, settings).GetAwaiter().GetResult();
        var served = watch.Elapsed.TotalMilliseconds;
        var commit = new Lucene.Net.Index.SegmentInfos();
        commit.Read(folder.Directory);
        return (first, served, commit.Count);
    }

    // The files of a folder (not its subfolders, not Lucene's lock, not the writer's embedding cache), synced as a
    // replica's copy is; their bytes.
    private static long CopyFiles(string from, string to)
    {
        Directory.CreateDirectory(to);
        long bytes = 0;
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var name = Path.GetFileName(file);
            if (name == "write.lock" || name.StartsWith("embeddings-", StringComparison.Ordinal)) continue;
            var target = Path.Combine(to, name);
            File.Copy(file, target);
            using (var written = new FileStream(target, FileMode.Open, FileAccess.ReadWrite)) written.Flush(flushToDisk: true);
            bytes += new FileInfo(target).Length;
        }

        return bytes;
    }

    private static IEnumerable<float[][]> Chunks(ClusteredVectors generator, int count)
    {
        for (var start = 0; start < count; start += Chunk)
        {
            yield return [.. Enumerable.Range(start, Math.Min(Chunk, count - start)).Select(i => generator.Point(i))];
        }
    }
}
