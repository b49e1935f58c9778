using NewsQA.Core.Configuration;
using System.Text;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Ingestion;

public class CorpusReaderTests
{
    [Fact]
    public void Read_SkipsBadFilesWithAWarningEach_AndReadsTheRest()
    {
        using var temp = new TempFolder();
        temp.Write("good.txt", "Title\n\nA good paragraph about the coalition.");
        temp.Write("empty.txt", "   \n");
        File.WriteAllBytes(temp.File("binary.txt"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]);
        File.WriteAllBytes(temp.File("latin1.txt"), Encoding.Latin1.GetBytes("Caf\u00e9 na\u00efve r\u00e9sum\u00e9"));
        File.CreateSymbolicLink(temp.File("dangling.txt"), temp.File("missing-target.txt")); // unreadable even for root
        temp.Write("notes.csv", "ignored,extension");

        var warnings = new List<CorpusWarning>();
        var files = CorpusReader.Read(temp.Path, warnings, CorpusOptions.DefaultMaxFileBytes).ToList();

        Assert.Equal(["good"], files.Select(f => f.DocumentId));
        Assert.Contains(warnings, w => w.Path.EndsWith("empty.txt", StringComparison.Ordinal) && w.Reason.Contains("empty"));
        Assert.Contains(warnings, w => w.Path.EndsWith("binary.txt", StringComparison.Ordinal) && w.Reason.Contains("binary"));
        Assert.Contains(warnings, w => w.Path.EndsWith("latin1.txt", StringComparison.Ordinal) && w.Reason.Contains("UTF-8"));
        Assert.Contains(warnings, w => w.Path.EndsWith("dangling.txt", StringComparison.Ordinal) && w.Reason.Contains("unreadable"));
        Assert.Equal(4, warnings.Count);
    }

    [Fact]
    public void Read_ThrowsForMissingFolder() =>
        Assert.Throws<DirectoryNotFoundException>(() => CorpusReader.Read("/no/such/folder", [], CorpusOptions.DefaultMaxFileBytes).ToList());

    [Fact]
    public void Read_StripsByteOrderMark()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("bom.txt"), "Title\n\nBody.", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var file = CorpusReader.Read(temp.Path, [], CorpusOptions.DefaultMaxFileBytes).Single();
        Assert.StartsWith("Title", file.Text);
    }
}
