using Lucene.Net.Index;
using NewsQA.Testing;

namespace NewsQA.Cli.Tests;

/// <summary>`newsqa index` against what is not an article, and against being told to stop.</summary>
public class IndexEdgeTests
{
    [Fact]
    public async Task Index_SkipsPipesDevicesAndUndecodableNames_SayingWhy_AndIndexesTheRest()
    {
        using var temp = new TempFolder();
        var corpus = temp.File("corpus");
        Directory.CreateDirectory(corpus);
        File.Copy(Path.Combine(NewsQACli.Seeds, "000_ab59f3dd8cbc7909.txt"), Path.Combine(corpus, "good.txt"));
        File.Copy(Path.Combine(NewsQACli.Seeds, "001_d149adc8417d1233.txt"), Path.Combine(corpus, ".txt"));
        File.CreateSymbolicLink(Path.Combine(corpus, "zero.txt"), "/dev/zero");
        ShellCommand.Run($"cd '{corpus}' && mkfifo pipe.txt && printf 'Title\\n\\nText.' > \"$(printf 'caf\\351.txt')\"");

        // Before, the pipe hung the run and /dev/zero exhausted its memory: the run is bounded (NewsQACli's time limit).
        var result = await NewsQACli.RunAsync("index", "--corpus", corpus, "--index", temp.File("index"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 added", result.Output);
        Assert.Contains("pipe.txt: skipped: not a regular file (a named pipe)", result.Error);
        Assert.Contains("zero.txt: skipped: not a regular file (a device)", result.Error);
        Assert.Contains("caf\uFFFD.txt: skipped: the file name is not valid UTF-8", result.Error);
        Assert.False(result.HasStackTrace);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task ASignalDuringIndexing_StopsTheRun_AndLeavesThePreviousIndexAsItWas(string signal)
    {
        using var temp = new TempFolder();
        var index = temp.File("index");
        Assert.Equal(0, (await NewsQACli.RunAsync("index", "--corpus", NewsQACli.Seeds, "--index", index)).ExitCode);
        var previous = LastCommit(index);

        // An embedding model that never answers holds the rebuild (the model changed) at its first request.
        using var model = new HoldingServer();
        using var process = NewsQACli.Start(new()
        {
            ["NEWSQA_AI__Provider"] = "OpenAICompatible", ["NEWSQA_AI__Endpoint"] = model.Url,
            ["NEWSQA_AI__ChatModel"] = "chat", ["NEWSQA_AI__EmbeddingModel"] = "embedding",
        }, "index", "--corpus", NewsQACli.Seeds, "--index", index);
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await model.FirstRequest.WaitAsync(TimeSpan.FromMinutes(2));
            ShellCommand.Run($"kill -{signal} {process.Id}");
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("cancelled", await error);
        Assert.Equal(previous, LastCommit(index)); // rolled back: no new commit, the same files
        var search = await NewsQACli.RunAsync("search", "كم رفع الناتو عدد جنوده في العراق؟", "--index", index, "--top", "1");
        Assert.Equal(0, search.ExitCode);
        Assert.Contains("4000", search.Output);
        Assert.DoesNotContain("unusable", search.Error);
    }

    private static (long Generation, string Files) LastCommit(string index)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(new DirectoryInfo(index));
        var commit = DirectoryReader.ListCommits(directory)[^1];
        return (commit.Generation, string.Join(',', commit.FileNames.Order(StringComparer.Ordinal)));
    }
}
