using System.CommandLine;
using NewsQA.Cli.Commands;

namespace NewsQA.Cli;

/// <summary>The `newsqa` command tree and its parse-error handling (exit code 2 for bad usage).</summary>
public static class NewsQACommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("NewsQA: questions answered from news articles, Arabic and English, with citations.");
        root.Subcommands.Add(IndexCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(AskCommand.Create());
        root.Subcommands.Add(ChatCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(LexiconCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(FeedbackCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) await Console.Error.WriteLineAsync($"error: {error.Message}");
            await Console.Error.WriteLineAsync("Run 'newsqa --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync();
    }
}
