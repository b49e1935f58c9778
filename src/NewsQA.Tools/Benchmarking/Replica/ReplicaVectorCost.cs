using System.Diagnostics;
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
/// are copied beside the Lucene files and opened (their bytes, the copy's time, and the time until the graphs serve).
/// </summary>
public static class ReplicaVectorCost
{
    private const int Seed = 20261206;
    private const int Chunk = 10_000;

    /// <summary>Measures one size in <paramref name="work"/> (emptied first) with these vector settings.</summary>
    public static ReplicaVectorResult Measure(int vectors, int dimensions, VectorIndexSettings settings, string work)
    {
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        var (indexer, derived, shipped) = (Path.Combine(work, "indexer"), Path.Combine(work, "derived"), Path.Combine(work, "shipped"));
        var generator = new ClusteredVectors(dimensions, Seed);
        var built = Stopwatch.StartNew();
        using (var engine = new ProductEngine(dimensions, settings)) engine.Build(Chunks(generator, vectors), indexer);
        built.Stop();

        var pulled = Stopwatch.StartNew();
        var luceneBytes = CopyFiles(indexer, derived);
        pulled.Stop();
        CopyFiles(indexer, shipped);
        var (deriveFirst, deriveAll, segments) = OpenAndServe(derived, settings, generator);

        var vectorFiles = Path.Combine(indexer, "vectors");
        var copied = Stopwatch.StartNew();
        var vectorBytes = CopyFiles(vectorFiles, Path.Combine(shipped, "vectors"));
        copied.Stop();
        var (shipFirst, shipAll, _) = OpenAndServe(shipped, settings, generator);

        return new ReplicaVectorResult(vectors, dimensions, settings.ExactBelow, segments, built.Elapsed.TotalSeconds, luceneBytes, pulled.Elapsed.TotalMilliseconds,
            deriveFirst, deriveAll, vectorBytes, copied.Elapsed.TotalMilliseconds, shipFirst, shipAll, MachineLoad.Averages());
    }

    // Opens the folder's commit as a replica's refreshed index does: the first dense question (which opens or derives each
    // segment's matrix and starts any graph build), then every graph serving. Milliseconds from opening.
    private static (double FirstAnswerMs, double GraphsMs, int Segments) OpenAndServe(string path, VectorIndexSettings settings, ClusteredVectors generator)
    {
        using var folder = IndexFolder.Open(path);
        var watch = Stopwatch.StartNew();
        using var index = folder.OpenSnapshot();
        if (VectorSearcher.Search(index, generator.Query(0), 10, settings: settings).Count == 0) throw new InvalidOperationException($"no dense answer from {path}");
        var first = watch.Elapsed.TotalMilliseconds;
        VectorSearcher.WhenGraphsBuiltAsync(index, settings).GetAwaiter().GetResult();
        var graphs = watch.Elapsed.TotalMilliseconds;
        var commit = new Lucene.Net.Index.SegmentInfos();
        commit.Read(folder.Directory);
        return (first, graphs, commit.Count);
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
