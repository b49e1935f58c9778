using System.CommandLine;
using System.Globalization;
using NewsQA.Cli.Output;
using NewsQA.Tools.Benchmarking;
using NewsQA.Tools.Benchmarking.Soak;

namespace NewsQA.Cli.Commands;

/// <summary>
/// `newsqa bench soak`: the bot in its own process over a copy of the seeds, a steady question load through REST and
/// Direct Line while an article arrives every few seconds, for half an hour by default; its memory and answers per
/// second over time, against the targets (see <see cref="SoakSummary"/>).
/// </summary>
public static class BenchSoakCommand
{
    public static Command Create()
    {
        var defaults = SoakSettings.Default;
        var bot = new Option<string?>("--bot") { Description = "The bot to run (its NewsQA.Bot.dll); default: the one built beside this program." };
        var seeds = new Option<string?>("--seeds") { Description = "The articles the bot starts from (copied); default: the seeds folder beside the bot." };
        var seconds = new Option<int>("--seconds") { Description = "How long the load runs.", DefaultValueFactory = _ => (int)defaults.Duration.TotalSeconds };
        var interval = new Option<int>("--interval-seconds") { Description = "How often memory and answers are sampled.", DefaultValueFactory = _ => (int)defaults.Interval.TotalSeconds };
        var arrival = new Option<double>("--arrival-seconds") { Description = "An article arrives every this many seconds.", DefaultValueFactory = _ => defaults.ArrivalEvery.TotalSeconds };
        var concurrency = new Option<int>("--concurrency") { Description = "Clients asking at once, each one question after another.", DefaultValueFactory = _ => defaults.Concurrency };
        var directLine = new Option<int>("--directline") { Description = "How many of those clients use Direct Line (the rest POST /api/ask).", DefaultValueFactory = _ => defaults.DirectLineClients };
        var paragraphs = new Option<int>("--paragraphs") { Description = "Paragraphs per arriving article.", DefaultValueFactory = _ => defaults.Paragraphs };
        var data = new Option<string>("--data") { Description = "The shared data folder: arriving articles recombine XQuAD, ARCD and TyDi paragraphs when it has them, else the seeds'.", DefaultValueFactory = _ => Path.Combine("..", "shared", "data") };
        var output = new Option<string>("--output") { Description = "Folder for results.json and results.md.", DefaultValueFactory = _ => Path.Combine(".newsqa", "bench-soak") };
        var json = CommonOptions.Json();
        var command = new Command("soak", "Run the bot in its own process under a steady question load while articles keep arriving; sample its memory and answers per second.")
        {
            bot, seeds, seconds, interval, arrival, concurrency, directLine, paragraphs, data, output, json,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (_, ct) =>
        {
            var botPath = result.GetValue(bot) ?? ServiceProcess.BuiltBot()
                ?? throw new UsageException("no bot built beside this program: build src/NewsQA.Bot or pass --bot path/to/NewsQA.Bot.dll");
            if (!File.Exists(botPath)) throw new UsageException($"--bot: no such file: {Path.GetFullPath(botPath)}");
            var seedFolder = result.GetValue(seeds) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(botPath))!, "seeds");
            if (!Directory.Exists(seedFolder)) throw new UsageException($"--seeds: no such folder: {Path.GetFullPath(seedFolder)}");
            var clients = result.GetValue(concurrency);
            var directLineClients = result.GetValue(directLine);
            if (result.GetValue(seconds) < 1 || result.GetValue(interval) < 1 || result.GetValue(paragraphs) < 1 || clients < 1 || result.GetValue(arrival) <= 0)
            {
                throw new UsageException("--seconds, --interval-seconds, --paragraphs and --concurrency must be at least 1, --arrival-seconds above 0");
            }

            if (directLineClients < 0 || directLineClients > clients) throw new UsageException("--directline must be between 0 and --concurrency");
            var settings = new SoakSettings(TimeSpan.FromSeconds(result.GetValue(seconds)), TimeSpan.FromSeconds(result.GetValue(interval)),
                TimeSpan.FromSeconds(result.GetValue(arrival)), clients - directLineClients, directLineClients, result.GetValue(paragraphs));
            var (source, articles) = Articles(settings, result.GetValue(data)!, seedFolder);

            var folder = Directory.CreateDirectory(result.GetValue(output)!).FullName;
            var work = Path.Combine(folder, "work");
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
            Directory.CreateDirectory(work);
            var asJson = result.GetValue(json);
            SoakResult measured;
            try
            {
                measured = await new SoakBenchmark(Path.GetFullPath(botPath), Path.GetFullPath(seedFolder), work)
                    .RunAsync(settings, source, articles, i => Console.WriteLine(asJson ? JsonOutput.Line(i) : Line(i)), ct);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }

            await File.WriteAllTextAsync(Path.Combine(folder, "results.json"), JsonOutput.Line(measured), ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "results.md"), SoakReport.Markdown(measured), ct);
            Console.WriteLine(asJson ? JsonOutput.Line(measured.Summary) : "\n" + SoakReport.Markdown(measured) + $"\nwritten to {folder}");
            return measured.Summary.Errors > 0 || measured.Stopped is not null ? ExitCodes.Failure : ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // Enough articles for the whole run, new text each: from the shared data when it is there, else from the seeds.
    private static (string Source, List<string> Articles) Articles(SoakSettings settings, string data, string seedFolder)
    {
        var count = (int)Math.Ceiling(settings.Duration / settings.ArrivalEvery) + 1;
        if (File.Exists(Path.Combine(data, "xquad", "xquad.ar.json")))
        {
            var (xquad, sources) = BenchCommand.LoadSources(data);
            return ("recombined from XQuAD, ARCD and TyDi paragraphs", BenchmarkArticles.Texts([], [.. xquad.Contexts, .. sources], count, settings.Paragraphs, BenchCommand.Seed));
        }

        var paragraphs = Directory.EnumerateFiles(seedFolder).Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return ("recombined from the seed articles' paragraphs", BenchmarkArticles.Texts([], paragraphs, count, settings.Paragraphs, BenchCommand.Seed));
    }

    private static string Line(SoakInterval i) => string.Create(CultureInfo.InvariantCulture,
        $"{TimeSpan.FromSeconds(Math.Round(i.EndSeconds)):h\\:mm\\:ss}  {i.AnswersPerSecond,7:N1} answers/s  p50 {i.P50Ms,7:N1} ms  p99 {i.P99Ms,7:N1} ms  errors {i.Errors}  RSS {i.ResidentBytes / 1e6,6:N0} MB (heap {i.ManagedHeapBytes / 1e6:N0}, conversations {i.ConversationBytes / 1e6:N0})  articles {i.ArticlesArrived:N0}, index {i.Documents:N0} docs / {i.Passages:N0} passages  load {i.LoadAverage}");
}
