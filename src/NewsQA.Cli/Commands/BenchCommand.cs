using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Cli.Output;
using NewsQA.Tools.Benchmarking;
using NewsQA.Tools.Evaluation;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;

namespace NewsQA.Cli.Commands;

/// <summary>
/// `newsqa bench`: NewsQA, plain Lucene.Net and Xapian side by side on generated corpora of growing size (XQuAD's Arabic paragraphs kept
/// among recombined distractors from XQuAD, ARCD and TyDi), in one run on one machine.
/// </summary>
public static class BenchCommand
{
    internal const int Seed = 20261122;

    public static Command Create()
    {
        var sizes = new Option<string?>("--sizes") { Description = "Corpus sizes in passages, comma-separated (default 1000,10000,100000,1000000)." };
        var quick = new Option<bool>("--quick") { Description = "Sizes 1000 and 10000 only: a few minutes." };
        var json = CommonOptions.Json();
        var data = new Option<string>("--data") { Description = "The shared data folder (XQuAD, ARCD, TyDi).", DefaultValueFactory = _ => Path.Combine("..", "shared", "data") };
        var output = new Option<string>("--output") { Description = "Folder for results.json, results.md and chart.svg.", DefaultValueFactory = _ => Path.Combine(".newsqa", "bench") };
        var python = new Option<string>("--python") { Description = "Python with the xapian module (Debian's python3-xapian).", DefaultValueFactory = _ => "/usr/bin/python3" };
        var command = new Command("bench", "Measure indexing, latency, memory and quality against plain Lucene.Net and Xapian as the corpus grows.") { sizes, quick, json, data, output, python };
        command.Subcommands.Add(CreateLoad());
        command.Subcommands.Add(CreateLive());
        command.Subcommands.Add(BenchSoakCommand.Create());
        command.Subcommands.Add(CreateEngine());
        command.Subcommands.Add(CreateCorpus());
        command.Subcommands.Add(CreateReport());
        command.Subcommands.Add(BenchVectorsCommand.Create());
        command.Subcommands.Add(BenchVectorsCommand.CreateEngine());
        command.Subcommands.Add(BenchReplicaVectorsCommand.Create());
        command.Subcommands.Add(BenchHybridCommand.Create());
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (_, ct) =>
        {
            var list = ParseSizes(result.GetValue(sizes), result.GetValue(quick));
            var (xquad, sources) = LoadSources(result.GetValue(data)!);
            var questions = xquad.Questions.Select(q => (q.Text, q.ContextIndex)).ToList();
            var outputFolder = Directory.CreateDirectory(result.GetValue(output)!).FullName;
            var work = Directory.CreateDirectory(Path.Combine(outputFolder, "work")).FullName;
            var script = Path.Combine(AppContext.BaseDirectory, "scripts", "xapian_bench.py");

            var results = new List<EngineResult>();
            foreach (var size in list)
            {
                // Each engine reads the same files in a process of its own, so its memory figure is its own.
                var corpusPath = Path.Combine(work, "corpus.jsonl");
                var questionsPath = Path.Combine(work, "questions.jsonl");
                await BenchmarkFiles.WriteAsync(CorpusGenerator.Generate(xquad.Contexts, questions, sources, size, Seed), corpusPath, questionsPath, ct);
                foreach (var engine in new[] { "newsqa", "lucene" })
                {
                    var measured = await EngineProcess.RunAsync(engine, corpusPath, questionsPath, work, ct);
                    results.Add(measured);
                    Report(measured, result.GetValue(json));
                }

                var (xapian, missing) = await XapianBenchmark.RunAsync(corpusPath, questionsPath, work, result.GetValue(python)!, script, ct);
                if (xapian is null)
                {
                    await Console.Error.WriteLineAsync($"Xapian skipped: {missing}");
                }
                else
                {
                    results.Add(xapian);
                    Report(xapian, result.GetValue(json));
                }

                // Written after every size, so a long run's finished sizes survive an interruption.
                await WriteResultsAsync(outputFolder, results, ct);
            }

            Directory.Delete(work, recursive: true);
            if (!result.GetValue(json)) Console.WriteLine("\n" + BenchmarkReport.Markdown(results) + $"\nwritten to {outputFolder}");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // A folder of article files from the benchmark's generated corpus, for measuring `newsqa index` and the bot at scale.
    private static Command CreateCorpus()
    {
        var articles = new Option<int>("--articles") { Description = "How many articles to write.", Required = true };
        var paragraphs = new Option<int>("--paragraphs") { Description = "Paragraphs per article.", DefaultValueFactory = _ => 15 };
        var data = new Option<string>("--data") { Description = "The shared data folder (XQuAD, ARCD, TyDi).", DefaultValueFactory = _ => Path.Combine("..", "shared", "data") };
        var output = new Option<string>("--output") { Description = "Folder to write the articles into (created).", Required = true };
        var command = new Command("corpus", "Write the benchmark's generated passages as a folder of article files (.txt).") { articles, paragraphs, data, output };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (_, ct) =>
        {
            var count = result.GetValue(articles);
            var per = result.GetValue(paragraphs);
            if (count < 1 || per < 1) throw new UsageException("--articles and --paragraphs must be at least 1");
            var target = Directory.CreateDirectory(result.GetValue(output)!).FullName;
            var texts = ArticleTexts(count, per, result.GetValue(data)!);
            for (var a = 0; a < count; a++) await File.WriteAllTextAsync(Path.Combine(target, $"article-{a:D6}.txt"), texts[a], ct);

            Console.WriteLine($"{count} articles of {per} paragraphs written to {target}");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // The benchmark's generated passages as article texts: a title line, then the paragraphs.
    private static List<string> ArticleTexts(int count, int paragraphs, string data)
    {
        var (xquad, sources) = LoadSources(data);
        return BenchmarkArticles.Texts(xquad.Contexts, sources, count, paragraphs, Seed);
    }

    // Questions while articles arrive: a running service on this machine and the folder it watches.
    private static Command CreateLive()
    {
        var url = new Option<string>("--url") { Description = "The running service (loopback only).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var corpus = new Option<string>("--corpus") { Description = "The service's corpus folder (its Corpus:Path), which it watches.", Required = true };
        var articles = new Option<int>("--articles") { Description = "Articles that arrive in one burst.", DefaultValueFactory = _ => 1000 };
        var paragraphs = new Option<int>("--paragraphs") { Description = "Paragraphs per article.", DefaultValueFactory = _ => 15 };
        var concurrency = new Option<int>("--concurrency") { Description = "Questions in flight at once.", DefaultValueFactory = _ => 8 };
        var idle = new Option<int>("--idle-seconds") { Description = "How long the load runs with nothing arriving.", DefaultValueFactory = _ => 30 };
        var data = new Option<string>("--data") { Description = "The shared data folder (XQuAD, ARCD, TyDi).", DefaultValueFactory = _ => Path.Combine("..", "shared", "data") };
        var json = CommonOptions.Json();
        var command = new Command("live", "Questions to a running NewsQA service on this machine while a burst of articles arrives in its folder and is removed again.")
        {
            url, corpus, articles, paragraphs, concurrency, idle, data, json,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (_, ct) =>
        {
            if (!Uri.TryCreate(result.GetValue(url), UriKind.Absolute, out var service)) throw new UsageException("--url is not an absolute URL");
            if (!LoadGenerator.IsLoopback(service)) throw new UsageException($"--url must be a loopback address (127.0.0.1, localhost); {service.Host} is not");
            var folder = result.GetValue(corpus)!;
            if (!Directory.Exists(folder)) throw new UsageException($"--corpus: no such folder: {Path.GetFullPath(folder)}");
            var count = result.GetValue(articles);
            if (count < 1 || result.GetValue(paragraphs) < 1 || result.GetValue(concurrency) < 1 || result.GetValue(idle) < 1)
            {
                throw new UsageException("--articles, --paragraphs, --concurrency and --idle-seconds must be at least 1");
            }

            var texts = ArticleTexts(count, result.GetValue(paragraphs), result.GetValue(data)!);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var measured = await new LiveIngestionBenchmark(service, http, folder)
                .RunAsync(texts, result.GetValue(concurrency), TimeSpan.FromSeconds(result.GetValue(idle)), ct);
            Console.WriteLine(result.GetValue(json) ? JsonOutput.Line(measured) : LiveIngestionReport.Markdown(measured));
            return measured.Errors > 0 ? ExitCodes.Failure : ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // Separate runs' results side by side: the tables and the chart from result files (a 1,000,000-passage run is long).
    private static Command CreateReport()
    {
        var files = new Argument<string[]>("results") { Description = "Result files: a bench results.json, a bench engine output, or the Xapian script's output; a later file's row replaces an earlier one of the same engine and size.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output") { Description = "Folder for results.json, results.md and chart.svg.", Required = true };
        var command = new Command("report", "Write the tables and the chart from the results of separate benchmark runs.") { files, output };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (_, ct) =>
        {
            var paths = result.GetValue(files)!;
            if (paths.FirstOrDefault(p => !File.Exists(p)) is { } missing) throw new UsageException($"no such result file: {missing}");
            List<EngineResult> merged;
            try
            {
                merged = BenchmarkResultFiles.Merge(paths);
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or KeyNotFoundException)
            {
                throw new UsageException(e is InvalidDataException ? e.Message : $"a result file could not be read: {e.Message}");
            }

            var folder = Directory.CreateDirectory(result.GetValue(output)!).FullName;
            await WriteResultsAsync(folder, merged, ct);
            Console.WriteLine(BenchmarkReport.Markdown(merged) + $"\nwritten to {folder}");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // One engine's run over files the parent wrote; the parent starts it as a child process (see EngineProcess).
    private static Command CreateEngine()
    {
        var engine = new Argument<string>("engine") { Description = "newsqa or lucene." };
        engine.AcceptOnlyFromAmong("newsqa", "lucene");
        var corpus = new Option<string>("--corpus-file") { Description = "Corpus as JSON lines, one passage text each.", Required = true };
        var questions = new Option<string>("--questions-file") { Description = "Questions as JSON lines: {\"q\": text, \"gold\": passage number}.", Required = true };
        var index = new Option<string>("--index") { Description = "Folder to build the index in (replaced).", Required = true };
        var output = new Option<string>("--output") { Description = "Where to write the result as JSON.", Required = true };
        var command = new Command("engine", "Benchmark one engine over corpus and question files (run by `newsqa bench`, one process per engine).") { engine, corpus, questions, index, output };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (host, ct) =>
        {
            var corpusPath = result.GetValue(corpus)!;
            var questionsPath = result.GetValue(questions)!;
            if (!File.Exists(corpusPath) || !File.Exists(questionsPath)) throw new UsageException("--corpus-file and --questions-file must name existing files");
            var retrieval = host.Services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
            var measured = result.GetValue(engine) == "lucene"
                ? LuceneBenchmark.Run(corpusPath, questionsPath, result.GetValue(index)!, retrieval.Bm25K1, retrieval.Bm25B)
                : await host.Services.GetRequiredService<NewsQABenchmark>().RunAsync(corpusPath, questionsPath, result.GetValue(index)!, ct);
            await File.WriteAllTextAsync(result.GetValue(output)!, JsonSerializer.Serialize(measured, EngineProcess.JsonOptions), ct);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command CreateLoad()
    {
        var url = new Option<string>("--url") { Description = "The running service (loopback only).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var requests = new Option<int>("--requests") { Description = "Questions per load level.", DefaultValueFactory = _ => 1000 };
        var levels = new Option<string>("--concurrency") { Description = "Concurrency levels, comma-separated.", DefaultValueFactory = _ => "1,8,32,64" };
        var questionsFrom = new Option<string?>("--questions-from") { Description = "A SQuAD-format file whose questions are asked, in a seeded shuffled order (e.g. ../shared/data/xquad/xquad.ar.json, the benchmark's 1,190); default: six questions in rotation." };
        var seconds = new Option<int?>("--seconds") { Description = "Run each level for this many seconds instead of a number of requests (to kill a replica mid-run)." };
        var scenarios = new Option<string>("--scenarios") { Description = "Which flows, comma-separated: ask, directline.", DefaultValueFactory = _ => "ask,directline" };
        var timeline = new Option<bool>("--timeline") { Description = "Also print each level second by second (answered, errors) and when its first and last error came." };
        var json = CommonOptions.Json();
        var command = new Command("load", "A bounded load on a running NewsQA service on this machine: /api/ask and the Direct Line flow.")
        {
            url, requests, levels, questionsFrom, seconds, scenarios, timeline, json,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (_, ct) =>
        {
            if (!Uri.TryCreate(result.GetValue(url), UriKind.Absolute, out var service)) throw new UsageException("--url is not an absolute URL");
            if (!LoadGenerator.IsLoopback(service)) throw new UsageException($"--url must be a loopback address (127.0.0.1, localhost); {service.Host} is not");
            var count = result.GetValue(requests);
            if (count < 1) throw new UsageException("--requests must be at least 1");
            if (result.GetValue(seconds) is < 1) throw new UsageException("--seconds must be at least 1");
            var flows = result.GetValue(scenarios)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (flows.Length == 0 || flows.Any(f => f is not ("ask" or "directline")))
            {
                throw new UsageException($"--scenarios: '{result.GetValue(scenarios)}' is not a list of ask, directline");
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var generator = new LoadGenerator(service, http, LoadQuestions(result.GetValue(questionsFrom))) { RecordTimeline = result.GetValue(timeline) };
            var rows = new List<LoadResult>();
            foreach (var scenario in flows)
            {
                foreach (var level in ParseSizes(result.GetValue(levels), quick: false))
                {
                    var row = await RunLevelAsync(generator, scenario, level, count, result.GetValue(seconds), ct);
                    rows.Add(row);
                    Console.WriteLine(result.GetValue(json) ? JsonOutput.Line(row) : $"{row.Scenario,-10} c={row.Concurrency,-3} {row.PerSecond,8:N0}/s  p50 {row.P50Ms:0.0} ms  p95 {row.P95Ms:0.0} ms  p99 {row.P99Ms:0.0} ms  errors {row.Errors}  service memory {row.ServiceMemoryBytes / 1e6:N0} MB");
                    if (row.Timeline is { } line && !result.GetValue(json)) Console.Write(LoadTimelineReport.Text(line));
                }
            }

            return rows.Any(r => r.Errors > 0) ? ExitCodes.Failure : ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // One level: a number of requests, or as many as fit in the given seconds.
    private static async Task<LoadResult> RunLevelAsync(LoadGenerator generator, string scenario, int level, int count, int? seconds, CancellationToken ct)
    {
        if (seconds is not { } duration) return await generator.RunAsync(scenario, level, count, ct);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(duration));
        return await generator.RunUntilAsync(scenario, level, stop.Token, ct);
    }

    // A dataset's questions in an order shuffled with the benchmark's seed, so that neighbouring requests differ.
    internal static List<string>? LoadQuestions(string? path)
    {
        if (path is null) return null;
        if (!File.Exists(path)) throw new UsageException($"--questions-from: {path} not found");
        var questions = SquadDataset.Load(path).Questions.Select(q => q.Text).ToArray();
        if (questions.Length == 0) throw new UsageException($"--questions-from: {path} holds no questions");
        new Random(Seed).Shuffle(questions);
        return [.. questions];
    }

    // XQuAD's Arabic paragraphs and questions, and the ARCD and TyDi paragraphs the distractors are recombined from.
    internal static (SquadDataset Xquad, List<string> Sources) LoadSources(string folder)
    {
        var xquadPath = Path.Combine(folder, "xquad", "xquad.ar.json");
        if (!File.Exists(xquadPath)) throw new UsageException($"XQuAD not found under {Path.GetFullPath(folder)}; pass --data");
        var sources = new[] { Path.Combine(folder, "arcd", "arcd-test.json"), Path.Combine(folder, "tydiqa-goldp", "tydiqa-goldp-v1.1-dev-arabic.json") }
            .Where(File.Exists).SelectMany(p => SquadDataset.Load(p).Contexts).ToList();
        return (SquadDataset.Load(xquadPath), sources);
    }

    private static async Task WriteResultsAsync(string folder, List<EngineResult> results, CancellationToken ct)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "results.json"), JsonOutput.Line(results), ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "results.md"), BenchmarkReport.Markdown(results), ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "chart.svg"), BenchmarkReport.Svg(results), ct);
    }

    private static void Report(EngineResult r, bool json) =>
        Console.WriteLine(json ? JsonOutput.Line(r) : $"{r.Engine,-7} {r.Passages,9:N0} passages: build {r.BuildSeconds:0.0} s, p50 {r.P50Ms:0.00} ms, R@1 {r.RecallAt1:0.000}");

    internal static List<int> ParseSizes(string? sizes, bool quick)
    {
        if (quick) return [1000, 10_000];
        if (sizes is null) return [1000, 10_000, 100_000, 1_000_000];
        var list = new List<int>();
        foreach (var part in sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1) throw new UsageException($"--sizes: '{part}' is not a positive number of passages");
            list.Add(n);
        }

        return list;
    }
}
