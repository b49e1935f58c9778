using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsQA.Cli.Output;
using NewsQA.Core.Answering;
using NewsQA.Core.Conversations;
using NewsQA.Core.Providers;

namespace NewsQA.Cli.Commands;

/// <summary>`newsqa chat`: a conversation in the terminal; follow-ups and "show n" refer to earlier answers.</summary>
public static class ChatCommand
{
    private static readonly HashSet<string> ExitWords = new(["exit", "quit", "خروج"], StringComparer.OrdinalIgnoreCase);

    public static Command Create()
    {
        var corpus = CommonOptions.Corpus();
        var index = CommonOptions.Index();
        var command = new Command("chat", "Chat about the articles: ask, follow up, \"show 2\" to read a source; \"exit\" to leave.") { corpus, index };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (host, ct) =>
        {
            using var live = await IndexSession.OpenAsync(host, result.GetValue(corpus), result.GetValue(index), ct);
            using var lease = live.Acquire();
            var passageIndex = lease.Index;
            var answers = host.Services.GetRequiredService<AnswerService>();
            var conversation = answers.StartConversation("terminal");
            var terminal = TerminalText.ForConsole();
            var ai = host.Services.GetRequiredService<IOptions<AIOptions>>().Value;
            var answerer = ai.Provider == AIProvider.Local ? "offline answers" : $"answers by {ai.Provider} model {ai.ChatModel}";
            Console.WriteLine($"NewsQA: {passageIndex.ArticleCount} articles, {passageIndex.Count} passages, {answerer}. Ask in Arabic or English; \"show 1\" opens a source; \"exit\" leaves.");
            while (!ct.IsCancellationRequested)
            {
                Console.Write("> ");
                var line = Console.ReadLine();
                if (line is null || ExitWords.Contains(line.Trim())) break;
                if (string.IsNullOrWhiteSpace(line)) continue;
                // With a language model the reply appears as it is written; the offline answer is whole at once.
                if (answers.StreamsAnswers) await StreamedAnswer.WriteAsync(answers.AskStreamingAsync(passageIndex, line, conversation, ct), Console.Out, terminal);
                else Console.WriteLine(terminal.Render(AnswerText.Describe(await answers.AskAsync(passageIndex, line, conversation, ct))));
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
