using System.Text;
using NewsQA.Cli.Output;
using NewsQA.Core.Answering;
using NewsQA.Core.Text;
using NewsQA.Testing;

namespace NewsQA.Cli.Tests;

/// <summary>`newsqa chat` with a language model: the reply appears in the terminal as the model writes it.</summary>
public sealed class ChatStreamingTests
{
    private const string Question = "من هو قائد عمليات محافظة نينوى؟";
    private const string FirstPart = "هو اللواء الركن";

    [Fact]
    public async Task Chat_WithAModel_PrintsTheAnswerWhileTheModelIsStillWriting_ThenItsCitation()
    {
        using var model = new StreamingModelServer();
        var shownBeforeTheEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        model.Reply = r => r.IsAnswer
            ? ["قائد عمليات محافظة نينوى ", FirstPart + " ", "نجم عبد الله الجبوري ", $"[{r.PassageContaining("نجم عبد الله الجبوري")}]", "."]
            : ["NOT_FOUND"];
        // The model holds its last words until the terminal shows its first ones: a chat that printed only whole
        // answers would never see them, and the wait below would fail.
        model.BeforePiece = async (r, i) =>
        {
            if (r.IsAnswer && i == 2) await shownBeforeTheEnd.Task.WaitAsync(TimeSpan.FromMinutes(2));
        };

        using var temp = new TempFolder();
        using var process = NewsQACli.StartWithInput(new()
        {
            ["NEWSQA_AI__Provider"] = "OpenAICompatible", ["NEWSQA_AI__Endpoint"] = model.Endpoint.ToString(),
            ["NEWSQA_AI__ChatModel"] = "chat", ["NEWSQA_AI__ApiKey"] = "test-key",
        }, "chat", "--corpus", NewsQACli.Seeds, "--index", temp.File("index"));
        var output = new StringBuilder();
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Task.Run(async () =>
        {
            var buffer = new char[512];
            int read;
            while ((read = await process.StandardOutput.ReadAsync(buffer)) > 0)
            {
                lock (output)
                {
                    output.Append(buffer, 0, read);
                    var text = output.ToString();
                    if (text.Contains(FirstPart, StringComparison.Ordinal)) shownBeforeTheEnd.TrySetResult();
                    if (text.Contains('¶')) answered.TrySetResult();
                }
            }
        });
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.StandardInput.WriteLineAsync(Question);
            await process.StandardInput.FlushAsync();
            await answered.Task.WaitAsync(TimeSpan.FromMinutes(2));
            await process.StandardInput.WriteLineAsync("exit");
            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            await reading;
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        var shown = output.ToString();
        Assert.True(shownBeforeTheEnd.Task.IsCompletedSuccessfully, shown + await error);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("نجم عبد الله الجبوري [1].", shown);
        Assert.Contains("¶", shown); // the citation line under the streamed text
        Assert.DoesNotContain("──", shown); // nothing was taken back, so nothing is printed twice
    }

    [Fact]
    public async Task AStreamedAnswerTheCheckChanged_IsPrintedAgainAsChecked_SoTheLastTextOnScreenIsTheValidatedOne()
    {
        var final = new Answer("q", "q", TextLanguage.English, "Supported claim [1].", true, AnswerMode.Llm, AnswerKind.Factoid, [], 1);
        var output = new StringWriter();

        await StreamedAnswer.WriteAsync(Updates(new("Supported claim [1]."), new("Supported claim [1]. Unsupported claim."), new(final.Text, final)), output);

        var lines = output.ToString();
        Assert.StartsWith("Supported claim [1]. Unsupported claim.\n── This answer was changed after checking it against the articles.\nSupported claim [1].\n", lines);
    }

    [Fact]
    public async Task AStreamedAnswerReplacedByTheOfflineOne_SaysSo_InTheReadersLanguage()
    {
        var final = new Answer("س", "س", TextLanguage.Arabic, "جملة من المقال [1].", true, AnswerMode.Local, AnswerKind.Factoid, [], 1);
        var output = new StringWriter();

        await StreamedAnswer.WriteAsync(Updates(new("جملة لم تثبت"), new(final.Text, final)), output);

        Assert.StartsWith("جملة لم تثبت\n── استُبدلت إجابة النموذج بإجابة مأخوذة من المقالات مباشرة.\nجملة من المقال [1].\n", output.ToString());
    }

    private static async IAsyncEnumerable<AnswerUpdate> Updates(params AnswerUpdate[] updates)
    {
        foreach (var update in updates)
        {
            await Task.Yield();
            yield return update;
        }
    }
}
