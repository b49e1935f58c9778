namespace NewsQA.Cli.Tests;

public class IndexCommandTests
{
    [Fact]
    public async Task Index_ReportsCounts_AndASecondRunChangesNothing()
    {
        using var temp = new TempFolder();
        var first = await NewsQACli.RunAsync("index", "--corpus", NewsQACli.Seeds, "--index", temp.File("index"));
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("5 added, 0 changed, 0 removed, 0 unchanged", first.Output);
        Assert.Contains("passages: 73 (73 indexed in this run)", first.Output);
        Assert.Contains("seconds:", first.Output);

        var second = await NewsQACli.RunAsync("index", "--corpus", NewsQACli.Seeds, "--index", temp.File("index"));
        Assert.Contains("0 added, 0 changed, 0 removed, 5 unchanged", second.Output);
        Assert.Contains("passages: 73 (0 indexed in this run)", second.Output);
        Assert.Contains("written: 0.0 MB", second.Output);
    }

    [Fact]
    public async Task Index_OfMissingFolder_ExitsWithUsageError_NamingThePath()
    {
        var result = await NewsQACli.RunAsync("index", "--corpus", "/no/such/corpus");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/no/such/corpus", result.Error);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public async Task Index_SkipsBadFiles_NamingEach_AndIndexesTheRest()
    {
        using var temp = new TempFolder();
        var corpus = temp.File("corpus");
        Directory.CreateDirectory(corpus);
        File.Copy(Path.Combine(NewsQACli.Seeds, "000_ab59f3dd8cbc7909.txt"), Path.Combine(corpus, "good.txt"));
        await File.WriteAllTextAsync(Path.Combine(corpus, "empty.txt"), "");
        await File.WriteAllBytesAsync(Path.Combine(corpus, "image.html"), [0x47, 0x49, 0x46, 0x00, 0x00]);
        await File.WriteAllBytesAsync(Path.Combine(corpus, "cp1256.txt"), [0xC7, 0xE1, 0xDA, 0xD1, 0xC7, 0xE2, 0x20, 0xFF]);

        var result = await NewsQACli.RunAsync("index", "--corpus", corpus, "--index", temp.File("index"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 added", result.Output);
        Assert.Contains("empty.txt", result.Error);
        Assert.Contains("image.html", result.Error);
        Assert.Contains("cp1256.txt", result.Error);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public async Task Index_RebuildsACorruptIndex_WithAOneLineWarning()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("index"));
        await File.WriteAllTextAsync(Path.Combine(temp.File("index"), "segments_2"), new string('x', 200));
        var result = await NewsQACli.RunAsync("index", "--corpus", NewsQACli.Seeds, "--index", temp.File("index"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("5 added", result.Output);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("unusable", StringComparison.Ordinal));
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public async Task Index_ReplacesAnOldSingleFileIndex_WithAFolder_SayingSoInOneLine()
    {
        using var temp = new TempFolder();
        await File.WriteAllBytesAsync(temp.File("index.bin"), [.. "NEWSQA-INDEX"u8.ToArray(), 1, 0, 0, 0, 7, 7]);
        var result = await NewsQACli.RunAsync("index", "--corpus", NewsQACli.Seeds, "--index", temp.File("index.bin"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("5 added", result.Output);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("old single-file format", StringComparison.Ordinal));
        Assert.True(Directory.Exists(temp.File("index.bin")));
    }

    [Fact]
    public async Task Index_AtAPathThatIsSomeOtherFile_FailsWithoutTouchingIt()
    {
        using var temp = new TempFolder();
        var notes = temp.File("notes.txt");
        await File.WriteAllTextAsync(notes, "my notes");
        var result = await NewsQACli.RunAsync("index", "--corpus", NewsQACli.Seeds, "--index", notes);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not a NewsQA index", result.Error);
        Assert.Equal("my notes", await File.ReadAllTextAsync(notes));
        Assert.False(result.HasStackTrace);
    }
}
