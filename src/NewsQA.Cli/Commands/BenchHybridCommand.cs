using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Cli.Output;
using NewsQA.Tools.Benchmarking;
using NewsQA.Tools.Benchmarking.Hybrid;

namespace NewsQA.Cli.Commands;

/// <summary>
/// `newsqa bench hybrid`: the product's hybrid question with a provider's vectors (a deterministic embedding server on
/// loopback) against its keyword leg alone, on the benchmark's generated corpus (issue 22's target: hybrid p50 at most
/// 1.5x the keyword p50 at 100,000 passages).
/// </summary>
public static class BenchHybridCommand
{
    public static Command Create()
    {
        var passages = new Option<int>("--passages") { Description = "Corpus size in passages.", DefaultValueFactory = _ => 100_000 };
        var dimensions = new Option<int>("--dimensions") { Description = "Dimensions of the loopback server's embeddings.", DefaultValueFactory = _ => 768 };
        var data = new Option<string>("--data") { Description = "The shared data folder (XQuAD, ARCD, TyDi).", DefaultValueFactory = _ => Path.Combine("..", "shared", "data") };
        var output = new Option<string>("--output") { Description = "Folder for result.json.", DefaultValueFactory = _ => Path.Combine(".newsqa", "bench-hybrid") };
        var keep = new Option<bool>("--keep-index") { Description = "Keep the built index in the output folder and reuse it on the next run (its indexing is then not timed)." };
        var segments = new Option<int>("--segments") { Description = "Merge the index down to at most this many segments before its graphs are built (0: as written)." };
        var json = CommonOptions.Json();
        var command = new Command("hybrid", "Measure the hybrid question with a provider's embeddings (a deterministic server on loopback) against the keyword leg alone.")
        {
            passages, dimensions, data, output, keep, segments, json,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (host, ct) =>
        {
            var size = result.GetValue(passages);
            var dims = result.GetValue(dimensions);
            if (size < 1) throw new UsageException("--passages must be at least 1");
            if (dims is < 16 or > 16_384) throw new UsageException("--dimensions must be from 16 to 16,384");
            if (result.GetValue(segments) < 0) throw new UsageException("--segments must be 0 (as written) or more");
            var (xquad, sources) = BenchCommand.LoadSources(result.GetValue(data)!);
            var folder = Directory.CreateDirectory(result.GetValue(output)!).FullName;
            var work = Directory.CreateDirectory(Path.Combine(folder, "work")).FullName;
            var corpusPath = Path.Combine(work, "corpus.jsonl");
            var questionsPath = Path.Combine(work, "questions.jsonl");
            var questions = xquad.Questions.Select(q => (q.Text, q.ContextIndex)).ToList();
            await BenchmarkFiles.WriteAsync(CorpusGenerator.Generate(xquad.Contexts, questions, sources, size, BenchCommand.Seed), corpusPath, questionsPath, ct);

            var measured = await HybridBenchmark.RunAsync(host.Services.GetRequiredService<IConfiguration>(), corpusPath, questionsPath, Path.Combine(work, $"index-{size}x{dims}"), dims, result.GetValue(keep), result.GetValue(segments), ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "result.json"), JsonSerializer.Serialize(measured, EngineProcess.JsonOptions), ct);
            if (!result.GetValue(keep)) Directory.Delete(work, recursive: true);
            Console.WriteLine(result.GetValue(json) ? JsonOutput.Line(measured) : Line(measured));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static string Line(HybridResult r) => string.Create(CultureInfo.InvariantCulture,
        $"""
        {r.Passages:N0} passages x {r.Dimensions} in {r.Segments} segments: {(r.IndexSeconds is { } s ? $"indexed (with embedding) in {s:0.0} s" : "a kept index reused")}, graphs in {r.GraphSeconds:0.0} s, {r.EmbeddingRequests:N0} embedding requests
        keyword: p50 {r.Keyword.P50Ms:0.00} ms, p95 {r.Keyword.P95Ms:0.00}, p99 {r.Keyword.P99Ms:0.00}, R@1 {r.Keyword.RecallAt1:0.000}
        hybrid:  p50 {r.Hybrid.P50Ms:0.00} ms, p95 {r.Hybrid.P95Ms:0.00}, p99 {r.Hybrid.P99Ms:0.00}, R@1 {r.Hybrid.RecallAt1:0.000}
        of which: the question's embedding p50 {r.QueryEmbedding.P50Ms:0.00} ms (p99 {r.QueryEmbedding.P99Ms:0.00}); the dense leg at depth {r.DenseDepth} p50 {r.DenseLeg.P50Ms:0.00} ms (p99 {r.DenseLeg.P99Ms:0.00}), recall@{r.DenseDepth} {r.DenseRecall:0.000} against an exact scan
        hybrid p50 / keyword p50: {r.P50Ratio:0.00}x (target <= 1.5x); peak RSS {r.PeakRssBytes / 1e6:N0} MB; load {r.LoadAtStart} -> {r.LoadAtEnd}
        """);
}
