using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Store;
using NewsQA.Core.Indexing;

namespace NewsQA.Cli.Tests;

/// <summary>`newsqa index` killed part-way: the last commit stays searchable, and the next run leaves no stray file.</summary>
public class IndexCrashTests
{
    [Fact]
    public async Task Index_KilledWhileWriting_LeavesTheLastCommitSearchable_AndTheNextRunCleansUp()
    {
        using var temp = new TempFolder();
        var corpus = temp.File("corpus");
        var index = temp.File("index");
        System.IO.Directory.CreateDirectory(corpus);
        foreach (var seed in System.IO.Directory.EnumerateFiles(NewsQACli.Seeds)) File.Copy(seed, Path.Combine(corpus, Path.GetFileName(seed)));
        Assert.Equal(0, (await NewsQACli.RunAsync("index", "--corpus", corpus, "--index", index)).ExitCode);

        // Many more articles, so the second run is still writing when it is killed (at whatever moment that is).
        for (var copy = 0; copy < 120; copy++)
        {
            foreach (var seed in System.IO.Directory.EnumerateFiles(NewsQACli.Seeds))
            {
                await File.WriteAllTextAsync(Path.Combine(corpus, $"copy{copy:D3}-{Path.GetFileName(seed)}"), $"نسخة {copy}\n\n" + await File.ReadAllTextAsync(seed));
            }
        }

        var before = System.IO.Directory.GetFiles(index).Select(Path.GetFileName).ToHashSet();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "newsqa.dll"), "index", "--corpus", corpus, "--index", index }) start.ArgumentList.Add(arg);
        using (var run = Process.Start(start)!)
        {
            // Killed as soon as the run's first new file appears in the folder: Lucene is flushing or committing then.
            var waited = Stopwatch.StartNew();
            while (!run.HasExited && waited.Elapsed < TimeSpan.FromSeconds(120) && System.IO.Directory.GetFiles(index).Select(Path.GetFileName).All(before.Contains))
            {
                await Task.Delay(10);
            }

            if (!run.HasExited) run.Kill(entireProcessTree: true);
            await run.WaitForExitAsync();
        }

        // Whatever the moment: the folder opens at a commit, the seeds' or the finished run's, never a torn one.
        int afterKill;
        using (var folder = IndexFolder.Open(index))
        {
            Assert.Null(folder.Problem);
            using var snapshot = folder.OpenSnapshot();
            afterKill = snapshot.Count;
        }

        var next = await NewsQACli.RunAsync("index", "--corpus", corpus, "--index", index);
        Assert.Equal(0, next.ExitCode);
        using (var folder = IndexFolder.Open(index))
        {
            using var complete = folder.OpenSnapshot();
            Assert.Equal(5 * 121, complete.Documents.Count);
            Assert.Contains(afterKill, new[] { 73, complete.Count });
        }

        // Every file left in the folder belongs to the last commit (Lucene's writer deletes what no commit references).
        using var directory = FSDirectory.Open(new DirectoryInfo(index));
        var referenced = DirectoryReader.ListCommits(directory)[^1].FileNames.ToHashSet();
        var stray = System.IO.Directory.GetFiles(index).Select(Path.GetFileName).Where(f => f is not ("segments.gen" or "write.lock") && !referenced.Contains(f!));
        Assert.Empty(stray);
    }
}
