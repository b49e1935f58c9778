using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>
/// `newsqa bench vectors`: the vector engines side by side as the corpus grows. The parent writes the vectors once (the
/// first n of them are size n) or takes them from given files (<see cref="GivenVectors"/>), then the queries and each
/// size's exact neighbours; then runs each engine at each size in a process of its own, stopped at a time limit, and
/// writes the results after every row so a long run keeps its rows.
/// </summary>
public static class VectorComparison
{
    public const int Seed = 20261201;
    public const int DefaultQueryCount = 1000;
    private const int GenerateBatch = 4096;

    public static async Task<List<VectorResult>> RunAsync(
        IReadOnlyList<int> sizes, int dimensions, int queryCount, IReadOnlyList<string> engines, TimeSpan limit, string outputFolder, GivenVectors? given,
        Action<VectorResult> report, CancellationToken cancellationToken)
    {
        var work = Directory.CreateDirectory(Path.Combine(outputFolder, "work")).FullName;
        var queriesPath = Path.Combine(work, "queries.f32");
        string vectorsPath;
        float[][] queries;
        if (given is null)
        {
            vectorsPath = Path.Combine(work, "vectors.f32");
            var generator = new ClusteredVectors(dimensions, Seed);
            VectorFile.Write(vectorsPath, Generate(generator.Point, sizes.Max()));
            queries = [.. Enumerable.Range(0, queryCount).Select(generator.Query)];
        }
        else
        {
            // The engines read the given corpus in place (each size is a prefix of it); the queries are the file's
            // first rows, copied so that every engine and the exact neighbours see the same queryCount of them.
            vectorsPath = given.VectorsPath;
            queries = [.. VectorFile.ReadChunks(given.QueriesPath, dimensions, queryCount).SelectMany(c => c)];
        }

        VectorFile.Write(queriesPath, queries);

        var results = new List<VectorResult>();
        foreach (var size in sizes)
        {
            var truthPath = Path.Combine(work, $"truth-{size}.txt");
            NeighbourFile.Write(truthPath, ExactNeighbours.Compute(vectorsPath, dimensions, size, queries, VectorBenchmark.K));
            foreach (var engine in engines)
            {
                var result = await RunEngineAsync(engine, size, dimensions, vectorsPath, queriesPath, truthPath, work, limit, cancellationToken);
                results.Add(result);
                report(result);
                await WriteAsync(outputFolder, results, cancellationToken);
            }
        }

        Directory.Delete(work, recursive: true);
        return results;
    }

    private static async Task<VectorResult> RunEngineAsync(
        string engine, int size, int dimensions, string vectorsPath, string queriesPath, string truthPath, string work, TimeSpan limit, CancellationToken cancellationToken)
    {
        var output = Path.Combine(work, $"{engine}.json");
        var index = Path.Combine(work, $"{engine}-index");
        string[] arguments =
        [
            "bench", "vector-engine", engine, "--vectors-file", vectorsPath, "--queries-file", queriesPath, "--truth-file", truthPath,
            "--dimensions", dimensions.ToString(CultureInfo.InvariantCulture), "--count", size.ToString(CultureInfo.InvariantCulture), "--index", index, "--output", output,
        ];
        var loadAtStart = MachineLoad.Averages();
        var timer = Stopwatch.StartNew();
        var finished = await EngineProcess.RunChildAsync(engine, arguments, limit, cancellationToken);
        var result = finished
            ? JsonSerializer.Deserialize<VectorResult>(await File.ReadAllTextAsync(output, cancellationToken), EngineProcess.JsonOptions)!
            : new VectorResult(engine, size, dimensions, false, timer.Elapsed.TotalSeconds, 0, 0, 0, 0, 0, 0, 0)
            {
                Reached = File.Exists(VectorBenchmark.ProgressPath(output)) ? await File.ReadAllTextAsync(VectorBenchmark.ProgressPath(output), cancellationToken) : "",
            };
        // Each engine's index can take gigabytes at a million vectors: only one is on disk at a time.
        if (Directory.Exists(index)) Directory.Delete(index, recursive: true);
        return result with { LoadAtStart = loadAtStart, LoadAtEnd = MachineLoad.Averages() };
    }

    // Generated in parallel batches and written in order: the file is the same whatever the thread count.
    private static IEnumerable<float[]> Generate(Func<long, float[]> point, int count)
    {
        for (var start = 0; start < count; start += GenerateBatch)
        {
            var batch = new float[Math.Min(GenerateBatch, count - start)][];
            var offset = start;
            Parallel.For(0, batch.Length, i => batch[i] = point(offset + i));
            foreach (var vector in batch) yield return vector;
        }
    }

    private static async Task WriteAsync(string folder, List<VectorResult> results, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "results.json"), JsonSerializer.Serialize(results, EngineProcess.JsonOptions), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "results.md"), VectorReport.Markdown(results), cancellationToken);
    }
}
