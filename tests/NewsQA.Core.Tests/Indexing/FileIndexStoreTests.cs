using NewsQA.Core.Indexing;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Indexing;

public class FileIndexStoreTests
{
    [Fact]
    public async Task SaveThenLoad_RoundTripsEveryField()
    {
        using var temp = new TempFolder();
        var built = await new TestIndexer().Indexer.UpdateAsync(temp.CopySeeds(), temp.File("index.bin"));
        var loaded = new FileIndexStore().Load(temp.File("index.bin"));

        Assert.Null(loaded.Problem);
        var original = built.Index.Snapshot;
        var copy = loaded.Snapshot!;
        Assert.Equal(original.Settings, copy.Settings);
        Assert.Equal(original.Documents.Select(d => (d.DocumentId, d.ContentHash, d.Title, d.Source)), copy.Documents.Select(d => (d.DocumentId, d.ContentHash, d.Title, d.Source)));
        var a = original.Documents.SelectMany(d => d.Passages).ToList();
        var b = copy.Documents.SelectMany(d => d.Passages).ToList();
        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Passage with { Sentences = [] }, b[i].Passage with { Sentences = [] });
            Assert.Equal(a[i].Passage.Sentences, b[i].Passage.Sentences);
            Assert.Equal(a[i].Terms, b[i].Terms);
            Assert.Equal(a[i].Frequencies, b[i].Frequencies);
            Assert.Equal(a[i].Vector.ToArray(), b[i].Vector.ToArray());
        }
    }

    [Fact]
    public void Load_ReportsMissingIndex() =>
        Assert.True(new FileIndexStore().Load("/no/such/index.bin").Missing);

    [Fact]
    public async Task Load_ReportsCorruptIndex_InOneLine_WithoutThrowing()
    {
        using var temp = new TempFolder();
        var path = temp.File("index.bin");
        await new TestIndexer().Indexer.UpdateAsync(temp.CopySeeds(), path);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);

        var loaded = new FileIndexStore().Load(path);
        Assert.Null(loaded.Snapshot);
        Assert.Contains("checksum", loaded.Problem);
        Assert.DoesNotContain('\n', loaded.Problem!);
    }

    [Fact]
    public async Task Load_ReportsTruncatedAndForeignFiles()
    {
        using var temp = new TempFolder();
        var path = temp.File("index.bin");
        await new TestIndexer().Indexer.UpdateAsync(temp.CopySeeds(), path);
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 3)]); // a write cut short
        Assert.NotNull(new FileIndexStore().Load(path).Problem);

        await File.WriteAllTextAsync(path, "this is not an index at all, just some text that is long enough");
        Assert.NotNull(new FileIndexStore().Load(path).Problem);
    }

    [Fact]
    public async Task Load_ReportsOlderFormatVersion()
    {
        using var temp = new TempFolder();
        var path = temp.File("index.bin");
        await new TestIndexer().Indexer.UpdateAsync(temp.CopySeeds(), path);
        var bytes = await File.ReadAllBytesAsync(path);
        // Rewrite the version field (after the 12-byte magic) and fix the trailer, as an old build would have written it.
        BitConverter.GetBytes(FileIndexStore.FormatVersion - 1).CopyTo(bytes, 12);
        System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).CopyTo(bytes, bytes.Length - 32);
        await File.WriteAllBytesAsync(path, bytes);

        var loaded = new FileIndexStore().Load(path);
        Assert.Contains("format version", loaded.Problem);
    }
}
