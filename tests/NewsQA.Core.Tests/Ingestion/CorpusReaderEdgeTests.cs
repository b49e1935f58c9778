using NewsQA.Core.Configuration;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Tests.Support;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Ingestion;

/// <summary>Files that are not articles, or not files: each is skipped with the true reason, and none can hang or exhaust the run.</summary>
public class CorpusReaderEdgeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task NamedPipeAndDevice_AreSkippedAsNotRegularFiles_WithoutBeingOpened()
    {
        using var temp = new TempFolder();
        temp.Write("good.txt", "Title\n\nA good paragraph about the coalition.");
        ShellCommand.Run($"mkfifo '{temp.File("pipe.txt")}'");
        File.CreateSymbolicLink(temp.File("zero.txt"), "/dev/zero");
        File.CreateSymbolicLink(temp.File("linked.txt"), temp.File("good.txt"));

        var warnings = new List<CorpusWarning>();
        // On a reader that opens a pipe this waits for a writer forever, and /dev/zero never ends: bounded here.
        var files = await Task.Run(() => CorpusReader.Read(temp.Path, warnings, CorpusOptions.DefaultMaxFileBytes).ToList()).WaitAsync(Patience);

        Assert.Equal(["good", "linked"], files.Select(f => f.DocumentId));
        Assert.Contains(warnings, w => w.Path.EndsWith("pipe.txt", StringComparison.Ordinal) && w.Reason == "skipped: not a regular file (a named pipe)");
        Assert.Contains(warnings, w => w.Path.EndsWith("zero.txt", StringComparison.Ordinal) && w.Reason == "skipped: not a regular file (a device)");
        Assert.Equal(2, warnings.Count);
    }

    [Fact]
    public void FileOverTheSizeLimit_IsSkipped_CountedWhileReading()
    {
        using var temp = new TempFolder();
        temp.Write("small.txt", "Title\n\nShort.");
        temp.Write("large.txt", "Title\n\n" + new string('x', 5000));
        var warnings = new List<CorpusWarning>();
        var files = CorpusReader.Read(temp.Path, warnings, maxFileBytes: 4096).ToList();
        Assert.Equal(["small"], files.Select(f => f.DocumentId));
        Assert.Equal("skipped: larger than 4,096 bytes (Corpus:MaxFileBytes)", Assert.Single(warnings).Reason);
    }

    [Fact]
    public void FileNamedOnlyByItsExtension_GetsANonEmptyDocumentId()
    {
        using var temp = new TempFolder();
        temp.Write(".txt", "Title\n\nA paragraph.");
        var file = Assert.Single(CorpusReader.Read(temp.Path, [], CorpusOptions.DefaultMaxFileBytes));
        Assert.Equal(".txt", file.DocumentId);
    }

    [Fact]
    public void FileNameThatIsNotUtf8_IsSkipped_SayingSo()
    {
        using var temp = new TempFolder();
        ShellCommand.Run($"cd '{temp.Path}' && printf 'Title\\n\\nText.' > \"$(printf 'caf\\351.txt')\"");
        var warnings = new List<CorpusWarning>();
        Assert.Empty(CorpusReader.Read(temp.Path, warnings, CorpusOptions.DefaultMaxFileBytes));
        var warning = Assert.Single(warnings);
        Assert.Contains("file name is not valid UTF-8", warning.Reason);
        Assert.EndsWith("caf\uFFFD.txt", warning.Path);
    }
}
