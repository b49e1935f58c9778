using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Cli.Output;
using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Payloads;
using NewsQA.Core.Conversations;

namespace NewsQA.Cli.Commands;

/// <summary>`newsqa ask`: a cited answer to a question, or to each line of a questions file.</summary>
public static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string?>("question") { Description = "The question (Arabic or English).", Arity = ArgumentArity.ZeroOrOne };
        var questions = new Option<string?>("--questions") { Description = "File with one question per line; prints one answer per line, in order." };
        var conversation = new Option<bool>("--conversation") { Description = "With --questions: read the lines as one conversation, so follow-ups refer back." };
        var json = CommonOptions.Json();
        var corpus = CommonOptions.Corpus();
        var index = CommonOptions.Index();
        var noTranslate = CommonOptions.NoTranslate();
        var command = new Command("ask", "Answer a question from the articles, citing paragraph and sentence.") { question, questions, conversation, json, corpus, index , noTranslate };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (host, ct) =>
        {
            var inputs = QuestionInput.Read(result.GetValue(question), result.GetValue(questions));
            using var live = await IndexSession.OpenAsync(host, result.GetValue(corpus), result.GetValue(index), ct);
            using var lease = live.Acquire();
            var passageIndex = lease.Index;
            var answers = host.Services.GetRequiredService<AnswerService>();
            var shared = result.GetValue(conversation) ? answers.StartConversation("cli") : null;
            var exit = ExitCodes.Success;
            var terminal = TerminalText.ForConsole();
            foreach (var input in inputs)
            {
                var answer = await answers.AskAsync(passageIndex, input, shared, ct);
                // A single question that cannot be asked is a usage error; in a file, its line says why and the rest go on.
                if (inputs.Count == 1 && answer.Kind == AnswerKind.Help) exit = ExitCodes.Usage;
                Console.WriteLine(result.GetValue(json) ? JsonOutput.Line(AnswerPayload.From(answer)) : terminal.Render(AnswerText.Describe(answer)));
            }

            return exit;
        }, CommonOptions.Overrides(result, noTranslate), cancellationToken));
        return command;
    }
}
