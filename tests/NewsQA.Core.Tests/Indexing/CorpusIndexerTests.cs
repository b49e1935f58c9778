using NewsQA.Core.Indexing;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Indexing;

public class CorpusIndexerTests
{
    [Fact]
    public async Task Update_IndexesEverySeed()
    {
        using var temp = new TempFolder();
        var update = await new TestIndexer().Indexer.UpdateAsync(temp.CopySeeds(), temp.File("index.bin"));
        Assert.Equal(5, update.Added);
        Assert.Equal(74, update.Passages);
        Assert.Equal(74, update.PassagesEmbedded);
        Assert.Empty(update.Warnings);
    }

    [Fact]
    public async Task SecondUpdate_WithNothingChanged_ReportsNoChanges_AndEmbedsNothing()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopySeeds();
        await new TestIndexer().Indexer.UpdateAsync(corpus, temp.File("index.bin"));
        var written = File.GetLastWriteTimeUtc(temp.File("index.bin"));

        var second = new TestIndexer(); // a new process: nothing cached in memory
        var update = await second.Indexer.UpdateAsync(corpus, temp.File("index.bin"));

        Assert.Equal((0, 0, 0, 5), (update.Added, update.Changed, update.Removed, update.Unchanged));
        Assert.Equal(0, second.Embedder.TextsEmbedded);
        Assert.False(update.Saved);
        Assert.Equal(written, File.GetLastWriteTimeUtc(temp.File("index.bin")));
        Assert.Equal(74, update.Passages);
    }

    [Fact]
    public async Task Update_ReembedsOnlyTheChangedDocument_AndDropsRemovedOnes()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopySeeds();
        var path = temp.File("index.bin");
        await new TestIndexer().Indexer.UpdateAsync(corpus, path);

        await File.AppendAllTextAsync(Path.Combine(corpus, "003_c19a34fae10a2c98.txt"), "\n\nفقرة جديدة أضيفت إلى المقال بعد نشره لاختبار التحديث التدريجي للفهرس.\n");
        File.Delete(Path.Combine(corpus, "004_b3be516e15497fde.txt"));
        await File.WriteAllTextAsync(Path.Combine(corpus, "new-article.md"), "# New article\n\nA new article about the coalition, long enough to be a body paragraph of its own.");

        var second = new TestIndexer();
        var update = await second.Indexer.UpdateAsync(corpus, path);

        Assert.Equal((1, 1, 1, 3), (update.Added, update.Changed, update.Removed, update.Unchanged));
        Assert.Equal(16 + 1 + 1, second.Embedder.TextsEmbedded); // the changed article's 17 passages and the new one's 1
        Assert.DoesNotContain(update.Index.Passages, p => p.DocumentId == "004_b3be516e15497fde");
        Assert.Contains(update.Index.Passages, p => p.Text.StartsWith("فقرة جديدة", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_KeepsPassageIdsOfUnchangedParagraphs_WhenAnArticleChanges()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopySeeds();
        var path = temp.File("index.bin");
        var before = await new TestIndexer().Indexer.UpdateAsync(corpus, path);
        var file = Path.Combine(corpus, "003_c19a34fae10a2c98.txt");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("وأنهى حديثه بالقول", "وختم حديثه بالقول", StringComparison.Ordinal));

        var after = await new TestIndexer().Indexer.UpdateAsync(corpus, path);
        var idsBefore = before.Index.Passages.Where(p => p.DocumentId.StartsWith("003", StringComparison.Ordinal)).Select(p => p.Id).ToHashSet();
        var idsAfter = after.Index.Passages.Where(p => p.DocumentId.StartsWith("003", StringComparison.Ordinal)).Select(p => p.Id).ToHashSet();
        Assert.Equal(15, idsBefore.Intersect(idsAfter).Count());
    }

    [Fact]
    public async Task Update_RebuildsCorruptIndex_AndSaysWhy()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopySeeds();
        var path = temp.File("index.bin");
        await File.WriteAllTextAsync(path, "garbage that is certainly not a NewsQA index file, long enough to pass the size check");

        var update = await new TestIndexer().Indexer.UpdateAsync(corpus, path);
        Assert.NotNull(update.RebuildReason);
        Assert.Equal(5, update.Added);
        Assert.Null(new FileIndexStore().Load(path).Problem);
    }

    [Fact]
    public async Task Update_RebuildsWhenEmbeddingModelChanges()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopySeeds();
        var path = temp.File("index.bin");
        await new TestIndexer(dimensions: 4096).Indexer.UpdateAsync(corpus, path);

        var other = new TestIndexer(dimensions: 1024);
        var update = await other.Indexer.UpdateAsync(corpus, path);
        Assert.Equal(74, other.Embedder.TextsEmbedded);
        Assert.Equal(1024, update.Index.Dimensions);
    }

    [Fact]
    public async Task Update_ThatFailsMidway_LeavesThePreviousIndexLoadable()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopySeeds();
        var path = temp.File("index.bin");
        await new TestIndexer().Indexer.UpdateAsync(corpus, path);
        var before = await File.ReadAllBytesAsync(path);

        foreach (var file in Directory.EnumerateFiles(corpus)) await File.AppendAllTextAsync(file, "\n\nتعديل جديد على المقال يكفي ليكون فقرة كاملة من فقرات النص المنشور.\n");
        var failing = new TestIndexer();
        failing.Embedder.FailAfter = 20; // the provider dies part-way through the re-index
        await Assert.ThrowsAsync<IOException>(() => failing.Indexer.UpdateAsync(corpus, path));

        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        Assert.Null(new FileIndexStore().Load(path).Problem);
        Assert.Empty(Directory.EnumerateFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public async Task Update_IndexesAHugeOneLineFile_InBoundedPassages()
    {
        using var temp = new TempFolder();
        var corpus = Path.Combine(temp.Path, "corpus");
        Directory.CreateDirectory(corpus);
        var words = new[] { "التحالف", "الدولي", "القوات", "العراقية", "انسحاب", "بغداد", "واشنطن", "2021" };
        var random = new Random(7);
        await File.WriteAllTextAsync(Path.Combine(corpus, "huge.txt"), string.Join(' ', Enumerable.Range(0, 400_000).Select(_ => words[random.Next(words.Length)])));

        var update = await new TestIndexer(dimensions: 256).Indexer.UpdateAsync(corpus, temp.File("index.bin"));
        Assert.Equal(1, update.Added);
        Assert.True(update.Passages > 2000);
        Assert.All(update.Index.Passages, p => Assert.True(p.Text.Length <= 1200));
    }
}
