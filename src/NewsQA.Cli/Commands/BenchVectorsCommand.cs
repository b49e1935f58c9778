using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Cli.Output;
using NewsQA.Tools.Benchmarking;
using NewsQA.Tools.Benchmarking.Vectors;

namespace NewsQA.Cli.Commands;

/// <summary>
/// `newsqa bench vectors`: dense-vector search as the corpus grows, the product's exact scan over Lucene doc values
/// against an exact scan of a memory-mapped matrix and USearch's HNSW graph in f16 and i8, on generated embedding-like
/// vectors or on given ones (real text embeddings: docs/lab/dense-vectors-minilm.md); and `bench vector-engine`, one engine's run, which the first starts as a child process per engine and size.
/// </summary>
public static class BenchVectorsCommand
{
    public static Command Create()
    {
        var sizes = new Option<string?>("--sizes") { Description = "Corpus sizes in vectors, comma-separated (default 10000,100000,1000000)." };
        var dimensions = new Option<int>("--dimensions") { Description = "Dimensions per vector.", DefaultValueFactory = _ => 768 };
        var queries = new Option<int>("--queries") { Description = "Query vectors per size.", DefaultValueFactory = _ => VectorComparison.DefaultQueryCount };
        var engines = new Option<string?>("--engines") { Description = $"Engines, comma-separated (default all: {string.Join(",", VectorEngines.Names)})." };
        var limit = new Option<int>("--time-limit-minutes") { Description = "An engine still running at one size after this long is stopped and its row says so.", DefaultValueFactory = _ => 60 };
        var output = new Option<string>("--output") { Description = "Folder for results.json and results.md.", DefaultValueFactory = _ => Path.Combine(".newsqa", "bench-vectors") };
        var vectorsFile = new Option<string?>("--vectors-file") { Description = "Corpus vectors to use instead of generated ones: unit vectors as little-endian f32 rows, no header, --dimensions each; each size is a prefix of the file." };
        var queriesFile = new Option<string?>("--queries-file") { Description = "Query vectors in the same layout (its first --queries rows); needs --vectors-file." };
        var json = CommonOptions.Json();
        var command = new Command("vectors", "Measure dense-vector search (exact scans and USearch HNSW) on generated embedding-like vectors, or on given ones, as the corpus grows.")
        {
            sizes, dimensions, queries, engines, limit, output, vectorsFile, queriesFile, json,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (_, ct) =>
        {
            var list = BenchCommand.ParseSizes(result.GetValue(sizes) ?? "10000,100000,1000000", quick: false);
            var dims = result.GetValue(dimensions);
            if (dims < 2) throw new UsageException("--dimensions must be at least 2");
            if (result.GetValue(limit) < 1 || result.GetValue(queries) < 1) throw new UsageException("--time-limit-minutes and --queries must be at least 1");
            var chosen = result.GetValue(engines)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [.. VectorEngines.Names];
            var unknown = chosen.FirstOrDefault(e => !VectorEngines.Names.Contains(e));
            if (unknown is not null) throw new UsageException($"--engines: unknown engine '{unknown}'; known: {string.Join(", ", VectorEngines.Names)}");

            var given = GivenVectors(result.GetValue(vectorsFile), result.GetValue(queriesFile), dims, list.Max(), result.GetValue(queries));
            var folder = Directory.CreateDirectory(result.GetValue(output)!).FullName;
            var asJson = result.GetValue(json);
            var results = await VectorComparison.RunAsync(list, dims, result.GetValue(queries), chosen, TimeSpan.FromMinutes(result.GetValue(limit)), folder, given, r => Console.WriteLine(asJson ? JsonOutput.Line(r) : Line(r)), ct);
            if (!asJson) Console.WriteLine("\n" + VectorReport.Markdown(results) + $"\nwritten to {folder}");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    public static Command CreateEngine()
    {
        var engine = new Argument<string>("engine") { Description = string.Join(", ", VectorEngines.Names) };
        engine.AcceptOnlyFromAmong([.. VectorEngines.Names]);
        var vectors = new Option<string>("--vectors-file") { Description = "Corpus vectors: f32 rows, no header.", Required = true };
        var queries = new Option<string>("--queries-file") { Description = "Query vectors: f32 rows, no header.", Required = true };
        var truth = new Option<string>("--truth-file") { Description = "Each query's exact neighbours, one line of vector numbers each.", Required = true };
        var dimensions = new Option<int>("--dimensions") { Description = "Dimensions per vector.", Required = true };
        var count = new Option<int>("--count") { Description = "How many of the corpus vectors to index (the first ones).", Required = true };
        var index = new Option<string>("--index") { Description = "Folder to build the index in (replaced).", Required = true };
        var output = new Option<string>("--output") { Description = "Where to write the result as JSON.", Required = true };
        var command = new Command("vector-engine", "Benchmark one vector engine at one size (run by `newsqa bench vectors`, one process per engine and size).")
        {
            engine, vectors, queries, truth, dimensions, count, index, output,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (host, ct) =>
        {
            foreach (var file in new[] { result.GetValue(vectors)!, result.GetValue(queries)!, result.GetValue(truth)! })
            {
                if (!File.Exists(file)) throw new UsageException($"no such file: {file}");
            }

            var measured = VectorBenchmark.Run(result.GetValue(engine)!, result.GetValue(vectors)!, result.GetValue(queries)!, result.GetValue(truth)!,
                result.GetValue(dimensions), result.GetValue(count), result.GetValue(index)!, result.GetValue(output)!,
                host.Services.GetRequiredService<IOptions<RetrievalOptions>>().Value.VectorIndex);
            await File.WriteAllTextAsync(result.GetValue(output)!, JsonSerializer.Serialize(measured, EngineProcess.JsonOptions), ct);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // Both files or neither; each must hold whole rows of --dimensions floats, and enough of them for the largest size
    // and for --queries, so a wrong --dimensions or a short file is a usage error before anything is built.
    private static GivenVectors? GivenVectors(string? vectorsFile, string? queriesFile, int dimensions, int largest, int queryCount)
    {
        if (vectorsFile is null && queriesFile is null) return null;
        if (vectorsFile is null || queriesFile is null) throw new UsageException("--vectors-file and --queries-file go together");
        CheckRows(vectorsFile, "--vectors-file", dimensions, largest, "the largest of --sizes");
        CheckRows(queriesFile, "--queries-file", dimensions, queryCount, "--queries");
        return new GivenVectors(Path.GetFullPath(vectorsFile), Path.GetFullPath(queriesFile));
    }

    private static void CheckRows(string path, string option, int dimensions, int needed, string neededBy)
    {
        if (!File.Exists(path)) throw new UsageException($"{option}: no such file: {path}");
        var rowBytes = (long)dimensions * sizeof(float);
        var length = new FileInfo(path).Length;
        if (length % rowBytes != 0) throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option}: {path} is {length:N0} bytes, not whole rows of {dimensions} f32 values ({rowBytes:N0} bytes each): is --dimensions right?"));
        if (length / rowBytes < needed) throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option}: {path} holds {length / rowBytes:N0} vectors of {dimensions} dimensions, fewer than {neededBy} ({needed:N0})"));
    }

    private static string Line(VectorResult r) => r.Finished
        ? string.Create(CultureInfo.InvariantCulture, $"{r.Engine,-13} {r.Vectors,9:N0} x {r.Dimensions}: build {r.BuildSeconds:0.0} s, p50 {r.P50Ms:0.00} ms, p99 {r.P99Ms:0.00} ms, recall@10 {r.RecallAt10:0.000}, RSS {r.PeakRssBytes / 1e6:N0} MB, load {r.LoadAtEnd}")
        : string.Create(CultureInfo.InvariantCulture, $"{r.Engine,-13} {r.Vectors,9:N0} x {r.Dimensions}: stopped unfinished after {r.BuildSeconds / 60:0.0} min{(r.Reached.Length > 0 ? $" (reached: {r.Reached})" : "")}");
}
