using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Indexing;

public class FileIndexStoreTests
{
    private static async Task<IndexSnapshot> SnapshotAsync(params string[] texts)
    {
        var services = new TestIndexer();
        var passages = texts.Select((t, i) => new Passage($"d{i / 2}-p{i}", $"d{i / 2}", $"title {i / 2}", i + 1, 1, i == 0 ? "heading" : null, t, SentenceSplitter.Split(t))).ToList();
        var encoded = await services.Encoder.EncodeAsync(passages, CancellationToken.None);
        var documents = encoded.GroupBy(p => p.Passage.DocumentId)
            .Select(g => new IndexedDocument(g.Key, "hash-" + g.Key, g.First().Passage.Title, g.Key == "d0" ? "https://example.org/a" : null, $"{g.Key}.txt", [.. g]))
            .ToList();
        return new IndexSnapshot(new IndexSettings(TextAnalyzer.Version, services.Encoder.EmbedderId, 4096, 1200), documents);
    }

    [Fact]
    public async Task SaveThenLoad_RoundTripsEveryField()
    {
        using var temp = new TempFolder();
        var original = await SnapshotAsync("قوات التحالف الدولي في العراق. وصلت أمس.", "Coalition forces left the base.", "ثالث فقرة عن بغداد");
        new FileIndexStore().Save(original, temp.File("index.bin"));
        var loaded = new FileIndexStore().Load(temp.File("index.bin"));

        Assert.Null(loaded.Problem);
        var copy = loaded.Snapshot!;
        Assert.Equal(original.Settings, copy.Settings);
        Assert.Equal(original.Documents.Select(d => (d.DocumentId, d.ContentHash, d.Title, d.Source, d.SourcePath)), copy.Documents.Select(d => (d.DocumentId, d.ContentHash, d.Title, d.Source, d.SourcePath)));
        var a = original.Documents.SelectMany(d => d.Passages).ToList();
        var b = copy.Documents.SelectMany(d => d.Passages).ToList();
        Assert.Equal(3, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Passage with { Sentences = [] }, b[i].Passage with { Sentences = [] });
            Assert.Equal(a[i].Passage.Sentences, b[i].Passage.Sentences);
            Assert.Equal(a[i].Terms, b[i].Terms);
            Assert.Equal(a[i].Frequencies, b[i].Frequencies);
            Assert.Equal(a[i].Length, b[i].Length);
            Assert.Equal(a[i].Vector.ToArray(), b[i].Vector.ToArray());
        }
    }

    [Fact]
    public async Task Writer_DisposedWithoutCommit_LeavesThePreviousIndex()
    {
        using var temp = new TempFolder();
        var store = new FileIndexStore();
        var first = await SnapshotAsync("first index text");
        store.Save(first, temp.File("index.bin"));
        var second = await SnapshotAsync("second index text", "more", "and more");

        using (var writer = store.OpenWriter(temp.File("index.bin"), second.Settings, second.Documents.Count))
        {
            writer.Add(second.Documents[0]); // the process stops before the rest and the commit
        }

        var loaded = store.Load(temp.File("index.bin"));
        Assert.Null(loaded.Problem);
        Assert.Equal("first index text", loaded.Snapshot!.Documents.Single().Passages.Single().Passage.Text);
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task Writer_RefusesToCommitFewerDocumentsThanAnnounced()
    {
        using var temp = new TempFolder();
        var snapshot = await SnapshotAsync("one", "two", "three");
        using var writer = new FileIndexStore().OpenWriter(temp.File("index.bin"), snapshot.Settings, snapshot.Documents.Count + 1);
        foreach (var document in snapshot.Documents) writer.Add(document);

        Assert.Throws<InvalidOperationException>(writer.Commit);
        Assert.False(File.Exists(temp.File("index.bin")));
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
