using System.Diagnostics;
using System.Text.Json;

namespace NewsQA.Cli.Tests;

/// <summary>
/// `./newsqa` at the repository root runs the command as the README uses it, in the folder it is typed in: here a copy
/// of the root's seeds/ in a temporary folder, so that its Corpus:Path and Index:Path are taken from there.
/// </summary>
public sealed class LauncherTests
{
    [Fact]
    public async Task TheLauncher_RunsNewsqaInTheFolderItIsTypedIn()
    {
        // tests/NewsQA.Cli.Tests/bin/{Configuration}/net10.0 → the repository root
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        using var temp = new TempFolder();
        var seeds = Directory.CreateDirectory(Path.Combine(temp.Path, "seeds")).FullName;
        File.WriteAllText(Path.Combine(seeds, "bridge.txt"), "Mosul bridge reopens\n\nThe old iron bridge in Mosul reopened to traffic on Sunday after four years of repairs, the governor said.");

        var start = new ProcessStartInfo(Path.Combine(root, "newsqa")) { WorkingDirectory = temp.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "ask", "When did the old iron bridge in Mosul reopen?", "--json" }) start.ArgumentList.Add(arg);
        start.Environment["Configuration"] = output.Parent.Name; // dotnet run builds (or finds built) what the tests were built as
        using var process = Process.Start(start)!;
        var printed = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, printed + error);
        var answer = JsonDocument.Parse(printed).RootElement;
        Assert.Equal("bridge", answer.GetProperty("citations")[0].GetProperty("documentId").GetString());
        Assert.True(Directory.Exists(Path.Combine(temp.Path, ".newsqa", "index")), "Index:Path is taken from the folder it was typed in");
    }
}
