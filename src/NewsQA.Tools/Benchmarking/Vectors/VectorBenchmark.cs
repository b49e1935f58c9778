using NewsQA.Core.Indexing.Vectors;
using System.Diagnostics;

namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>
/// One engine at one size, run in a process of its own (so its peak memory is its own): build from the vector file
/// into an empty folder, reopen from disk, an untimed warm-up pass, then each query timed alone on one
/// thread, and recall@10 against the exact neighbours.
/// </summary>
public static class VectorBenchmark
{
    public const int K = 10;

    // An exact scan reads every vector for every query, so a few queries warm it (JIT, page cache) as fully as all of
    // them would; a graph search touches different pages per query, so it gets the whole pass. At a million vectors
    // the product's scan takes seconds per query, and a full untimed pass would double a run of half an hour.
    private const int ExactScanWarmUp = 20;

    /// <summary>Where a run stopped at its time limit got to: the engine's last progress, kept beside its result file.</summary>
    public static string ProgressPath(string resultPath) => resultPath + ".progress";

    public static VectorResult Run(
        string engineName, string vectorsPath, string queriesPath, string truthPath, int dimensions, int count, string indexFolder, string resultPath, VectorIndexSettings product)
    {
        var queries = VectorFile.ReadAll(queriesPath, dimensions);
        var truth = NeighbourFile.Read(truthPath);
        if (truth.Length != queries.Length) throw new InvalidDataException($"{truthPath} has {truth.Length} rows for {queries.Length} queries.");
        if (Directory.Exists(indexFolder)) Directory.Delete(indexFolder, recursive: true);
        Directory.CreateDirectory(indexFolder);

        var timer = Stopwatch.StartNew();
        void Progress(string reached) => File.WriteAllText(ProgressPath(resultPath), $"{reached} after {timer.Elapsed.TotalMinutes:0.0} min");
        using (var builder = VectorEngines.Create(engineName, dimensions, Progress, product))
        {
            builder.Build(VectorFile.ReadChunks(vectorsPath, dimensions, count), indexFolder);
        }

        var build = timer.Elapsed.TotalSeconds;
        var bytes = Directory.EnumerateFiles(indexFolder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

        using var engine = VectorEngines.Create(engineName, dimensions, product: product);
        engine.Open(indexFolder);
        var warmUp = engineName.StartsWith("exact", StringComparison.Ordinal) ? Math.Min(ExactScanWarmUp, queries.Length) : queries.Length;
        foreach (var query in queries.Take(warmUp)) engine.Search(query, K);
        var latencies = new double[queries.Length];
        var found = 0;
        for (var q = 0; q < queries.Length; q++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = engine.Search(queries[q], K);
            latencies[q] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            found += result.Intersect(truth[q]).Count();
        }

        return new VectorResult(engineName, count, dimensions, true, build, count / build, bytes, BenchmarkFiles.PeakRssBytes(),
            Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95), Percentiles.Of(latencies, 99), found / (double)truth.Sum(t => t.Length));
    }
}
