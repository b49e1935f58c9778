using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Util;
using NewsQA.Core.CrossLingual;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Indexing;

/// <summary>
/// The lifetime of the snapshots a running service answers from while news arrives: one owner, leases per request,
/// a replaced snapshot closed when its last lease is released (not kept for a fixed time), and what is known per
/// segment built once and shared by every snapshot that keeps the segment.
/// </summary>
public sealed class LiveIndexTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TestIndexer _services = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ReplacedSnapshots_AreClosed_AsSoonAsTheirLastLeaseIsReleased()
    {
        using var live = await SeedsAsync();
        var replaced = new List<PassageIndex>();
        for (var n = 0; n < 5; n++)
        {
            using (var lease = live.Acquire())
            {
                Assert.NotEmpty(await _services.Retriever.SearchAsync(lease.Index, "التحالف الدولي", 3)); // a request, finished
                replaced.Add(lease.Index);
            }

            await ArriveAsync(live, $"news-{n}", $"Breaking number {n}: the coalition spokesman Quillon{n} spoke in Baghdad today.");
        }

        // The old design kept each replaced snapshot open for five minutes (two timed queues); now none outlives its readers.
        Assert.All(replaced, old => Assert.Equal(0, old.RefCount));
        using var current = live.Acquire();
        Assert.Equal(2, current.Index.RefCount); // the owner's and this lease's
        Assert.Equal(5 + 5, current.Index.ArticleCount);
    }

    [Fact]
    public async Task ALease_KeepsItsSnapshotOpenAndUnchanged_ThroughRefreshes_UntilItIsReleased()
    {
        using var live = await SeedsAsync();
        var lease = live.Acquire();
        var snapshot = lease.Index;
        var passages = snapshot.Count;

        for (var n = 0; n < 3; n++) await ArriveAsync(live, $"news-{n}", $"Quillon{n} announced a new agreement with the coalition today.");

        Assert.Equal(1, snapshot.RefCount); // only the lease holds it now
        Assert.Equal(passages, snapshot.Count);
        Assert.Null(snapshot.FindArticle("news-0"));
        var hits = await _services.Retriever.SearchAsync(snapshot, "من هو المتحدث باسم الحشد الشعبي؟", 3);
        Assert.NotEmpty(hits);
        Assert.Equal(hits[0].Passage.Text, snapshot.FindPassage(hits[0].Passage.Id)!.Text);

        lease.Dispose();
        Assert.Equal(0, snapshot.RefCount);
        lease.Dispose(); // twice releases once
        Assert.Throws<ObjectDisposedException>(() => lease.Index);
        using var current = live.Acquire();
        Assert.NotNull(current.Index.FindArticle("news-2"));
    }

    [Fact]
    public async Task WhatIsKnownOfASegment_IsBuiltOnce_AndSharedByTheNextSnapshot_WhileTheCommitsOwnSegmentIsNew()
    {
        using var live = await SeedsAsync();
        AtomicReader before;
        SegmentCursor cursor;
        using (var lease = live.Acquire())
        {
            Warm(lease.Index);
            before = Assert.Single(lease.Index.Segments).AtomicReader;
            cursor = SegmentCursor.Rent(before); // a query's enumerators over the segment, given back after it
            Assert.NotNull(cursor.Terms(before, IndexFields.Words));
            cursor.Return();
        }

        await ArriveAsync(live, "news", "Quillon announced a new agreement with the coalition in Baghdad today.");

        using var after = live.Acquire();
        Warm(after.Index);
        var kept = after.Index.Segments.Single(s => s.AtomicReader.CoreCacheKey == before.CoreCacheKey).AtomicReader;
        var added = after.Index.Segments.Single(s => s.AtomicReader.CoreCacheKey != before.CoreCacheKey).AtomicReader;
        Assert.Same(SegmentArticles.Of(before), SegmentArticles.Of(kept));
        Assert.Same(SegmentValues.Of(before), SegmentValues.Of(kept));
        Assert.Same(SegmentDates.Of(before), SegmentDates.Of(kept));
        Assert.Same(SegmentTotals.Of(before), SegmentTotals.Of(kept)); // no deletions in it: its live counts too
        Assert.Same(SegmentTransliterations.Of(before), SegmentTransliterations.Of(kept));
        Assert.Same(cursor, SegmentCursor.Rent(kept)); // the next snapshot's query reuses it, enumerators and all
        Assert.NotSame(SegmentArticles.Of(before), SegmentArticles.Of(added));
        Assert.Equal(["news"], SegmentArticles.Of(added).Records.Select(r => r.Article.DocumentId));
        Assert.Contains("quillon", TransliteratedTerms.Find(after.Index, "en:" + TransliterationKey.FromLatin("quillon")));
    }

    [Fact]
    public async Task ASegmentsData_IsDroppedWhenLuceneClosesIt_ACoreOnceNoSnapshotKeepsIt_AReaderOnceNewerDeletionsReplacedIt()
    {
        using var live = await SeedsAsync();
        await ArriveAsync(live, "news", "Quillon announced a new agreement with the coalition in Baghdad today.", title: "First version");
        AtomicReader seeds, news;
        string seed;
        using (var lease = live.Acquire())
        {
            Warm(lease.Index);
            seeds = lease.Index.Segments.Single(s => SegmentArticles.Of(s.AtomicReader).Records.Count == 5).AtomicReader;
            news = lease.Index.Segments.Single(s => s.AtomicReader != seeds).AtomicReader;
            seed = lease.Index.Documents[0].DocumentId;
            SegmentCursor.Rent(news).Return();
            Assert.True(SegmentArticles.Table.Holds(news) && SegmentTotals.Table.Holds(seeds));
        }

        // The new version replaces the only article of its segment, which Lucene drops at the commit; replacing a seed
        // gives the seeds' segment deletions, so a new reader over the same core.
        await ArriveAsync(live, "news", "Quillon withdrew the agreement with the coalition and left Baghdad today.", title: "Second version");
        await ArriveAsync(live, seed, "Quillon replaced this seed article in Erbil.", title: "Replaced seed");

        using var current = live.Acquire();
        Warm(current.Index);
        Assert.DoesNotContain(current.Index.Segments, s => s.AtomicReader.CoreCacheKey == news.CoreCacheKey);
        Assert.False(SegmentArticles.Table.Holds(news));
        Assert.False(SegmentValues.Table.Holds(news));
        Assert.False(SegmentDates.Table.Holds(news));
        Assert.False(SegmentTransliterations.Table.Holds(news));
        Assert.False(SegmentTotals.Table.Holds(news));
        Assert.False(SegmentCursor.Pools.Holds(news));

        var reread = current.Index.Segments.Single(s => s.AtomicReader.CoreCacheKey == seeds.CoreCacheKey).AtomicReader;
        Assert.NotSame(seeds, reread);
        Assert.False(SegmentTotals.Table.Holds(seeds)); // its deletions changed: the old reader's counts went with it
        Assert.Same(SegmentArticles.Of(seeds), SegmentArticles.Of(reread)); // the core's records stay, deleted one and all
        Assert.Same(SegmentDates.Of(seeds), SegmentDates.Of(reread));
        Assert.Equal(5 + 1, current.Index.ArticleCount);
        Assert.Equal("Replaced seed", current.Index.FindArticle(seed)!.Title);
    }

    [Fact]
    public async Task ASnapshotStillReadingAnArticleDeletedSince_SeesItsDate_WhicheverSnapshotReadTheSegmentsDatesFirst()
    {
        using var live = await SeedsAsync();
        var published = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        using (var writer = live.OpenWriter())
        {
            writer.Replace(await ArticleAsync("dated", "Quillon signed the agreement in Baghdad.", published));
            writer.Replace(await ArticleAsync("other", "The coalition met Quillon in Erbil.", published.AddDays(1)));
            writer.Commit();
        }

        live.Refresh();
        using var before = live.Acquire();
        await ArriveAsync(live, "dated", "Quillon withdrew from the agreement.");
        using (var after = live.Acquire()) Assert.NotEmpty(after.Index.PublishedTicks); // the newer snapshot reads the kept segment's dates first

        // Dates are the core's, whatever a reader sees deleted (an earlier version read them with the first reader's
        // deletions, so the older snapshot lost the date of the article it still holds).
        Assert.True(before.Index.HasPassagesPublished(published.UtcTicks, published.UtcTicks + 1));
        Assert.Contains(published.UtcTicks, before.Index.PublishedTicks);
    }

    [Fact]
    public async Task AfterAnArticleIsReplaced_TheSnapshotCountsItOnce_AndEveryStatisticMatchesTheIndexRecountedFromScratch()
    {
        using var live = await SeedsAsync();
        await ArriveAsync(live, "news", "Quillon announced a new agreement with the coalition in Baghdad today.", title: "First version");
        await ArriveAsync(live, "news", "Quillon withdrew the agreement with the coalition and left Baghdad today.", title: "Second version");
        await ArriveAsync(live, "later", "The coalition spokesman met Quillon again in Erbil.", title: "Later");

        using var lease = live.Acquire();
        var index = lease.Index;
        Assert.Equal("Second version", index.FindArticle("news")!.Title);
        Assert.Single(index.Documents, d => d.DocumentId == "news");
        Assert.Equal(index.Documents.Count, index.ArticleCount);
        var (passages, articles) = Recount(index);
        Assert.Equal(passages, index.Count);
        Assert.Equal(articles, index.Documents.Select(d => d.DocumentId));
        Assert.Equal(index.Fingerprints().Keys.Order(StringComparer.Ordinal), index.Documents.Select(d => d.DocumentId).Order(StringComparer.Ordinal));
        Assert.True(index.DocumentFrequency("quillon") >= 2, "the replaced article's deleted passage counts, as Lucene counts it");
        foreach (var term in new[] { "quillon", "coalit", "agreement", "التحالف", CharacterGrams.Marker + "quil" })
        {
            Assert.Equal(index.Reader.DocFreq(PassageIndex.LuceneTerm(term)), index.DocumentFrequency(term));
        }

        string[] group = ["withdrew", "announc", "erbil"];
        Assert.Equal(LiveUnion(index, group), index.GroupDocumentFrequency(group));
    }

    [Fact]
    public async Task ManyReaders_LeaseWhileCommitsRefresh_NoneReadsAClosedSnapshot_AndOnlyTheCurrentOneStaysOpen()
    {
        using var live = await SeedsAsync();
        var seen = new ConcurrentDictionary<PassageIndex, byte>();
        var errors = new ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 6).Select(r => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var lease = live.Acquire();
                    seen.TryAdd(lease.Index, 0);
                    var hits = await _services.Retriever.SearchAsync(lease.Index, r % 2 == 0 ? "Quillon coalition" : "التحالف الدولي", 3);
                    foreach (var hit in hits) _ = lease.Index.FindArticle(lease.Index.FindPassage(hit.Passage.Id)!.DocumentId)!.Title;
                    _ = lease.Index.Documents.Count + lease.Index.DocumentFrequency("coalit");
                    if (r == 0) live.Refresh(); // a refresh with nothing new, racing the writer's
                }
                catch (Exception e)
                {
                    errors.Enqueue(e);
                    return;
                }
            }
        })).ToList();

        for (var n = 0; n < 15; n++)
        {
            await ArriveAsync(live, $"news-{n}", $"Quillon{n} spoke to the coalition about the agreement number {n}.");
            // The readers are thread-pool tasks: on a busy pool they may not run between two commits, so each commit
            // waits (bounded) until a reader has leased its snapshot, and the readers race every commit that follows.
            using var now = live.Acquire();
            for (var waited = 0; waited < 10_000 && errors.IsEmpty && !seen.ContainsKey(now.Index); waited += 5) await Task.Delay(5);
        }
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Empty(errors);
        using var current = live.Acquire();
        Assert.Equal(5 + 15, current.Index.ArticleCount);
        Assert.True(seen.Count > 1, "the readers saw the index change");
        Assert.All(seen.Keys.Where(s => !ReferenceEquals(s, current.Index)), old => Assert.Equal(0, old.RefCount));
        Assert.Equal(2, current.Index.RefCount);
    }

    [Fact]
    public async Task OneArticleBatches_KeepTheIndexMerged_SoReadersSeeAFewSegments_NotOnePerBatch()
    {
        var corpus = _temp.CopySeeds();
        using var live = (await _services.Indexer.UpdateAsync(corpus, _temp.File("index"))).Live;
        using var writer = new LiveIndexWriter(live, _services.Encoder, maxPassageChars: 1200, maxFileBytes: 1 << 20);
        for (var n = 0; n < 40; n++)
        {
            await File.WriteAllTextAsync(Path.Combine(corpus, $"news-{n}.txt"), $"News number {n}\n\nQuillon{n} spoke to the coalition about agreement number {n} in Baghdad.\n");
            Assert.Equal(1, (await writer.ApplyAsync(corpus, [$"news-{n}"], CancellationToken.None)).Added);
        }

        using var lease = live.Acquire();
        Assert.Equal(5 + 40, lease.Index.ArticleCount);
        // Each batch commits one small segment; its writer's close commits the merges that commit started. (An earlier
        // version rolled those merges back as uncommitted changes: 41 segments here, and every question sought its
        // terms in each.)
        Assert.InRange(lease.Index.Segments.Count, 1, 15);
        Assert.NotNull(lease.Index.FindArticle("news-39"));
    }

    [Fact]
    public async Task ADisposedOwner_GivesNoMoreLeases()
    {
        var live = await SeedsAsync();
        live.Dispose();
        Assert.Throws<ObjectDisposedException>(() => live.Acquire());
    }

    private async Task<LiveIndex> SeedsAsync() => (await _services.Indexer.UpdateAsync(_temp.CopySeeds(), _temp.File("index"))).Live;

    // An article arriving as the watcher applies one: written under its id, committed, then the owner refreshed.
    private async Task ArriveAsync(LiveIndex live, string id, string text, string? title = null)
    {
        var article = await ArticleAsync(id, text, DateTimeOffset.UtcNow, title);
        using (var writer = live.OpenWriter())
        {
            writer.Replace(article);
            writer.Commit();
        }

        live.Refresh(); // or a reader's refresh did it first
        using var lease = live.Acquire();
        Assert.Equal(title ?? id, lease.Index.FindArticle(id)?.Title);
    }

    private async Task<IndexedDocument> ArticleAsync(string id, string text, DateTimeOffset published, string? title = null)
    {
        var passage = new Passage($"{id}:1", id, title ?? id, 1, 1, null, text, SentenceSplitter.Split(text));
        var encoded = await _services.Encoder.EncodeAsync([passage], CancellationToken.None);
        return new IndexedDocument(id, $"hash-of-{text.GetHashCode(StringComparison.Ordinal)}", title ?? id, "wire", $"{id}.txt", encoded) { Published = published };
    }

    // Everything a question asks of the whole index, so each per-segment part is built.
    private static void Warm(PassageIndex index)
    {
        _ = index.Documents.Count + index.Count + index.ArabicShare + index.DocumentFrequency("coalit") + index.PublishedTicks.Length + index.VectorNorms.Length;
        _ = index.NormsFor(0.9, 0.4);
        _ = index.GroupDocumentFrequency(["coalit", "quillon"]);
        _ = TransliteratedTerms.Find(index, "ar:" + TransliterationKey.FromLatin("baghdad")).ToList();
    }

    // Live passages and article ids in corpus order, straight from Lucene: every document of each kind, then its deletion bit.
    private static (int Passages, List<string> Articles) Recount(PassageIndex index)
    {
        var passages = 0;
        var articles = new List<(string Path, string Id)>();
        foreach (var segment in index.Segments)
        {
            var reader = segment.AtomicReader;
            foreach (var (kind, doc) in AllOfKind(reader, IndexFields.PassageKind).Concat(AllOfKind(reader, IndexFields.ArticleKind)))
            {
                if (reader.LiveDocs is { } live && !live.Get(doc)) continue;
                if (kind == IndexFields.PassageKind)
                {
                    passages++;
                    continue;
                }

                var stored = reader.Document(doc);
                articles.Add((stored.Get(IndexFields.SourcePath) ?? string.Empty, stored.Get(IndexFields.DocumentId)));
            }
        }

        return (passages, [.. articles.OrderBy(a => a.Path, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Id)]);
    }

    private static IEnumerable<(string Kind, int Doc)> AllOfKind(AtomicReader reader, string kind)
    {
        var terms = reader.GetTerms(IndexFields.Kind).GetEnumerator();
        if (!terms.SeekExact(new BytesRef(kind))) yield break;
        var docs = terms.Docs(null, null, DocsFlags.NONE);
        int doc;
        while ((doc = docs.NextDoc()) != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS) yield return (kind, doc);
    }

    private static int LiveUnion(PassageIndex index, string[] terms)
    {
        var union = new HashSet<int>();
        foreach (var term in terms) index.ForEachPosting(PassageIndex.LuceneTerm(term), (doc, _) => union.Add(doc));
        return union.Count;
    }
}
