using NewsQA.Core.Indexing;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Indexing;

public class CorpusIndexerTests
{
    private const string AddedParagraph = "\n\nفقرة جديدة أضيفت إلى المقال بعد نشره لاختبار التحديث التدريجي للفهرس.\n";

    [Fact]
    public async Task Update_IndexesEverySeed()
    {
        using var temp = new TempFolder();
        using var live = (await new TestIndexer().Indexer.UpdateAsync(temp.CopySeeds(), temp.File("index"))).Live;
        using var lease = live.Acquire();
        Assert.Equal(5, lease.Index.Documents.Count);
        Assert.Equal(5, lease.Index.ArticleCount);
        Assert.Equal(73, lease.Index.Count);
    }

    [Fact]
    public async Task SecondUpdate_WithNothingChanged_WritesNothing_AndEmbedsNothing()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopySeeds();
        (await new TestIndexer(dimensions: 64).Indexer.UpdateAsync(corpus, temp.File("index"))).Live.Dispose();
        var files = FileContents(temp.File("index"));

        var second = new TestIndexer(dimensions: 64); // a new process: nothing cached in memory
        var update = await second.Indexer.UpdateAsync(corpus, temp.File("index"));
        using var live = update.Live;

        Assert.Equal((0, 0, 0, 5), (update.Added, update.Changed, update.Removed, update.Unchanged));
        Assert.Equal(0, second.Embedder.TextsEmbedded);
        Assert.False(update.Saved);
        Assert.Equal(0, update.BytesWritten);
        Assert.Equal(files, FileContents(temp.File("index")));
        Assert.Equal(73, update.Passages);
    }

    [Fact]
    public async Task Update_ReindexesOnlyTheChangedArticle_AndDropsRemovedOnes()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopySeeds();
        var path = temp.File("index");
        (await new TestIndexer(dimensions: 64).Indexer.UpdateAsync(corpus, path)).Live.Dispose();

        await File.AppendAllTextAsync(Path.Combine(corpus, "003_c19a34fae10a2c98.txt"), AddedParagraph);
        File.Delete(Path.Combine(corpus, "004_b3be516e15497fde.txt"));
        await File.WriteAllTextAsync(Path.Combine(corpus, "new-article.md"), "# New article\n\nA new article about the coalition, long enough to be a body paragraph of its own.");

        var second = new TestIndexer(dimensions: 64);
        var update = await second.Indexer.UpdateAsync(corpus, path);
        using var live = update.Live;
        using var lease = live.Acquire();

        Assert.Equal((1, 1, 1, 3), (update.Added, update.Changed, update.Removed, update.Unchanged));
        Assert.Equal(1 + 1, second.Embedder.TextsEmbedded); // the changed article's new paragraph (its 15 others are in the cache) and the new one's
        Assert.Equal(15 + 1 + 1, update.PassagesIndexed);
        var passages = lease.Index.Passages;
        Assert.DoesNotContain(passages, p => p.DocumentId == "004_b3be516e15497fde");
        Assert.Single(passages, p => p.Text.StartsWith("فقرة جديدة", StringComparison.Ordinal));
        Assert.Equal(passages.Count, passages.Select(p => p.Id).Distinct().Count()); // the changed article's old passages are gone
    }

    [Fact]
    public async Task Update_ThatAddsOneArticle_WritesOnlyNewFiles_AndLeavesEveryOtherFileAsItWas()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopySeeds();
        var path = temp.File("index");
        (await new TestIndexer().Indexer.UpdateAsync(corpus, path)).Live.Dispose();
        var before = FileContents(path);

        await File.WriteAllTextAsync(Path.Combine(corpus, "new-article.md"), "# New article\n\nA new article about the coalition, long enough to be a body paragraph of its own.");
        var update = await new TestIndexer().Indexer.UpdateAsync(corpus, path);
        using var live = update.Live;
        var after = FileContents(path);

        // Lucene writes once: a file that was there is unchanged or gone (merged away); only segments.gen, a few bytes
        // naming the latest commit, is rewritten in place.
        foreach (var (name, bytes) in before.Where(f => f.Key != "segments.gen" && after.ContainsKey(f.Key))) Assert.Equal(bytes, after[name]);
        var added = after.Keys.Except(before.Keys).ToList();
        Assert.NotEmpty(added);
        Assert.All(added, name => Assert.True(name.StartsWith("segments_", StringComparison.Ordinal) || name.StartsWith('_'), $"{name} is not a segment or commit file"));
        Assert.True(update.BytesWritten < update.IndexBytes / 10, $"{update.BytesWritten} of {update.IndexBytes} bytes written");
        Assert.Equal(added.Sum(n => (long)after[n].Length) + after["segments.gen"].Length, update.BytesWritten);
    }

    [Fact]
    public async Task Update_KeepsPassageIdsOfUnchangedParagraphs_WhenAnArticleChanges()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopySeeds();
        var path = temp.File("index");
        List<string> idsBefore;
        using (var before = (await new TestIndexer().Indexer.UpdateAsync(corpus, path)).Live)
        using (var lease = before.Acquire())
        {
            idsBefore = [.. lease.Index.PassagesOf("003_c19a34fae10a2c98").Select(p => p.Id)];
        }

        var file = Path.Combine(corpus, "003_c19a34fae10a2c98.txt");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("وأنهى حديثه بالقول", "وختم حديثه بالقول", StringComparison.Ordinal));
        using var after = (await new TestIndexer().Indexer.UpdateAsync(corpus, path)).Live;
        using var afterLease = after.Acquire();
        var idsAfter = afterLease.Index.PassagesOf("003_c19a34fae10a2c98").Select(p => p.Id);
        Assert.Equal(14, idsBefore.Intersect(idsAfter).Count());
    }

    [Fact]
    public async Task Update_RebuildsAnIndexInTheOldSingleFileFormat_AndSaysSoInOneLine()
    {
        using var temp = new TempFolder();
        var path = temp.File("index");
        await File.WriteAllBytesAsync(path, [.. "NEWSQA-INDEX"u8.ToArray(), 1, 0, 0, 0, 42, 42, 42]);

        var update = await new TestIndexer().Indexer.UpdateAsync(temp.CopySeeds(), path);
        using var live = update.Live;
        Assert.Contains("old single-file format", update.RebuildReason);
        Assert.DoesNotContain('\n', update.RebuildReason!);
        Assert.True(Directory.Exists(path));
        Assert.Equal(5, update.Added);
    }

    [Fact]
    public async Task Update_RefusesToReplaceAFileThatIsNotAnIndex()
    {
        using var temp = new TempFolder();
        var path = temp.Write("notes.txt", "my own notes, not an index");
        var error = await Assert.ThrowsAsync<IOException>(() => new TestIndexer().Indexer.UpdateAsync(temp.CopySeeds(), path));
        Assert.Contains("not a NewsQA index", error.Message);
        Assert.Equal("my own notes, not an index", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Update_RebuildsADamagedIndex_AndSaysWhy()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopySeeds();
        var path = temp.File("index");
        (await new TestIndexer().Indexer.UpdateAsync(corpus, path)).Live.Dispose();
        foreach (var commit in Directory.EnumerateFiles(path, "segments_*")) await File.WriteAllTextAsync(commit, "garbage");

        var update = await new TestIndexer().Indexer.UpdateAsync(corpus, path);
        using var live = update.Live;
        Assert.Contains("unusable", update.RebuildReason);
        Assert.Equal(5, update.Added);
        Assert.Equal(73, update.Passages);
    }

    [Fact]
    public async Task Update_RebuildsWhenEmbeddingModelChanges()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopySeeds();
        var path = temp.File("index");
        (await new TestIndexer(dimensions: 128).Indexer.UpdateAsync(corpus, path)).Live.Dispose();

        var other = new TestIndexer(dimensions: 64);
        using var live = (await other.Indexer.UpdateAsync(corpus, path)).Live;
        Assert.Equal(73, other.Embedder.TextsEmbedded);
        using var lease = live.Acquire();
        Assert.Equal(64, lease.Index.Dimensions);
    }

    [Fact]
    public async Task Update_ThatFailsMidway_LeavesTheLastCommitSearchable_AndNothingOfItsOwn()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopySeeds();
        var path = temp.File("index");
        (await new TestIndexer(dimensions: 64).Indexer.UpdateAsync(corpus, path)).Live.Dispose();
        var before = FileContents(path);

        foreach (var file in Directory.EnumerateFiles(corpus)) await File.AppendAllTextAsync(file, AddedParagraph);
        var failing = new TestIndexer(dimensions: 64);
        failing.Embedder.FailAfter = 2; // the provider dies part-way through the re-index (the five new paragraphs are not in the cache)
        await Assert.ThrowsAsync<IOException>(() => failing.Indexer.UpdateAsync(corpus, path));

        Assert.Equal(before.Keys.Order(), FileContents(path).Keys.Where(k => k != "write.lock").Order());
        using var folder = IndexFolder.Open(path);
        Assert.Null(folder.Problem);
        using var index = folder.OpenSnapshot();
        Assert.Equal(73, index.Count);
        Assert.DoesNotContain(index.Passages, p => p.Text.StartsWith("فقرة جديدة", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_Cancelled_StopsBetweenArticles_AndRollsBack()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopySeeds();
        var path = temp.File("index");
        (await new TestIndexer().Indexer.UpdateAsync(corpus, path)).Live.Dispose();
        foreach (var file in Directory.EnumerateFiles(corpus)) await File.AppendAllTextAsync(file, AddedParagraph);

        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress<IndexProgress>(p => { if (p.FilesDone == 2) cancel.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new TestIndexer().Indexer.UpdateAsync(corpus, path, progress, cancel.Token));

        using var folder = IndexFolder.Open(path);
        using var index = folder.OpenSnapshot();
        Assert.DoesNotContain(index.Passages, p => p.Text.StartsWith("فقرة جديدة", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunningReader_SeesAnUpdate_AfterRefresh_AndKeepsAnsweringMeanwhile()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopySeeds();
        var path = temp.File("index");
        var services = new TestIndexer();
        using var running = (await services.Indexer.UpdateAsync(corpus, path)).Live;
        using var old = running.Acquire(); // a request that started before the update

        await File.WriteAllTextAsync(Path.Combine(corpus, "zz-news.md"), "# Breaking\n\nA spokesman named Quillon announced the new agreement with the coalition today.");
        (await new TestIndexer().Indexer.UpdateAsync(corpus, path)).Live.Dispose(); // another process indexes the new article

        Assert.DoesNotContain(await services.Retriever.SearchAsync(old.Index, "Quillon", 1), h => h.Passage.DocumentId == "zz-news");
        Assert.True(running.Refresh());
        using (var lease = running.Acquire())
        {
            var hits = await services.Retriever.SearchAsync(lease.Index, "Quillon", 1);
            Assert.Equal("zz-news", hits.Single().Passage.DocumentId);
        }

        Assert.Equal(73, old.Index.Count); // the snapshot a request started on still answers
        Assert.NotEmpty(await services.Retriever.SearchAsync(old.Index, "التحالف الدولي", 1));
        Assert.False(running.Refresh());
    }

    [Fact]
    public async Task Update_WhileAnotherWriterHoldsTheFolder_IsRefusedByName_AndLeavesTheIndexAsItWas()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopySeeds();
        var path = temp.File("index");
        var services = new TestIndexer();
        using var running = (await services.Indexer.UpdateAsync(corpus, path)).Live;
        int Passages()
        {
            using var lease = running.Acquire();
            return lease.Index.Count;
        }

        var passages = Passages();
        using var writer = running.OpenWriter(); // as the running bot's folder watcher holds it while it writes a batch
        await File.WriteAllTextAsync(Path.Combine(corpus, "zz-news.md"), "# Breaking\n\nA spokesman named Quillon announced the new agreement today.");

        var refused = await Assert.ThrowsAsync<IOException>(() => new TestIndexer().Indexer.UpdateAsync(corpus, path));

        Assert.Contains("is being written by another writer", refused.Message);
        Assert.Contains(Path.GetFullPath(path), refused.Message);
        Assert.False(running.Refresh());
        Assert.Equal(passages, Passages());
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

        var update = await new TestIndexer().Indexer.UpdateAsync(corpus, temp.File("index"));
        using var live = update.Live;
        using var lease = live.Acquire();
        Assert.Equal(1, update.Added);
        Assert.True(update.Passages > 2000);
        Assert.All(lease.Index.Passages, p => Assert.True(p.Text.Length <= 1200));
    }

    [Fact]
    public async Task ArticleMetadata_IsStoredWithTheArticle_ForCitationsAndDates()
    {
        using var temp = new TempFolder();
        var corpus = Path.Combine(temp.Path, "corpus");
        Directory.CreateDirectory(corpus);
        await File.WriteAllTextAsync(Path.Combine(corpus, "coalition.md"), """
            ---
            title: "Coalition ends combat role"
            date: 2021-12-09T10:00:00+03:00
            source: Al Jazeera
            url: https://example.com/news/coalition?id=7
            language: ar
            ---
            The coalition said on Thursday that its combat role in Iraq had ended after months of talks with Baghdad.
            """);

        using var live = (await new TestIndexer().Indexer.UpdateAsync(corpus, temp.File("index"))).Live;
        using var lease = live.Acquire();
        var article = lease.Index.FindArticle("coalition")!;
        Assert.Equal(("Coalition ends combat role", "Al Jazeera", "https://example.com/news/coalition?id=7", "ar"), (article.Title, article.Source, article.Url, article.Language));
        Assert.Equal(new DateTimeOffset(2021, 12, 9, 10, 0, 0, TimeSpan.FromHours(3)), article.Published);
    }

    private static Dictionary<string, byte[]> FileContents(string folder) =>
        Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
}
