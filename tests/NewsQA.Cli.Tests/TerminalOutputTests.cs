using System.Diagnostics;
using NewsQA.Cli.Output;

namespace NewsQA.Cli.Tests;

/// <summary>
/// Emphasis in the terminal: bold drawn with ANSI escapes, its asterisks gone, when standard output is a terminal (the
/// real `newsqa ask` run under a pseudo-terminal by util-linux's `script`); the Markdown left as written when redirected.
/// </summary>
public sealed class TerminalOutputTests
{
    private const string Bold = "\u001b[1m";
    private const string Normal = "\u001b[22m";

    [Fact]
    public void InATerminal_BoldIsDrawn_EvenWhenItsMarksArriveSplitBetweenPieces()
    {
        var terminal = new TerminalText(ansi: true);

        var shown = terminal.Write("**كريم *") + terminal.Write("*النوري** [1] a*b") + terminal.End();

        Assert.Equal($"{Bold}كريم {Normal}النوري{Bold} [1] a*b{Normal}", shown);
        Assert.Equal("**x** [1]", new TerminalText(ansi: false).Render("**x** [1]"));
    }

    [Fact]
    public async Task Ask_InATerminal_PrintsTheShortAnswerBold_AndRedirected_AsPlainMarkdown()
    {
        using var temp = new TempFolder();
        var args = new[] { Path.Combine(AppContext.BaseDirectory, "newsqa.dll"), "ask", "كم رفع الناتو عدد جنوده في العراق؟", "--corpus", NewsQACli.Seeds, "--index", temp.File("index") };
        var command = "dotnet " + string.Join(' ', args.Select(a => $"'{a}'"));
        var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        foreach (var arg in new[] { "--quiet", "--return", "--command", command, "/dev/null" }) start.ArgumentList.Add(arg);
        start.Environment["TERM"] = "xterm";
        start.Environment.Remove("NO_COLOR");
        start.Environment["NEWSQA_Answering__MinShortAnswerConfidence"] = "0"; // the shipped gate shows none (docs/answering.md#measured)
        using var process = Process.Start(start)!;
        var shown = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, shown + await process.StandardError.ReadToEndAsync());
        Assert.Contains($"{Bold}4000 فرد{Normal}", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("**", shown);

        var redirected = await NewsQACli.RunWithEnvironmentAsync(new() { ["NEWSQA_Answering__MinShortAnswerConfidence"] = "0" }, "ask", "كم رفع الناتو عدد جنوده في العراق؟", "--corpus", NewsQACli.Seeds, "--index", temp.File("index"));
        Assert.StartsWith("**4000 فرد**", redirected.Output);
        Assert.DoesNotContain("\u001b[", redirected.Output, StringComparison.Ordinal);
    }
}
