using NewsQA.Core.Cluster;
using NewsQA.Core.Indexing;
using NewsQA.Core.Tests.Support;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Cluster;

/// <summary>
/// The indexer's side of replication: every commit the live index moves to is published, and a revision a replica is
/// copying keeps its files through later commits (each made by a writer of its own), until the copy is released.
/// </summary>
public sealed class IndexPublisherTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TestIndexer _services = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ARevisionBeingCopied_KeepsEveryFileThroughLaterCommits_AndLosesThemOnceReleased()
    {
        var corpus = _temp.CopySeeds();
        using var live = (await _services.Indexer.UpdateAsync(corpus, _temp.File("index"))).Live;
        using var publisher = new IndexPublisher();
        live.PublishTo(publisher);
        var first = publisher.Version!;
        var session = publisher.Replicator.CheckForUpdate(null); // a replica starts copying the first revision
        Assert.Equal(first, session.Version);

        using var writer = new LiveIndexWriter(live, _services.Encoder, 1200, 1 << 20);
        for (var n = 0; n < 3; n++)
        {
            File.WriteAllText(Path.Combine(corpus, $"news-{n}.md"), DatedArticles.Article(
                $"Ferry news {n}", "2026-01-05T08:00:00+00:00", "Coast Herald", $"https://coast.example/{n}", "en", $"The Korvan ferry number {n} sailed on time on Monday."));
            Assert.True((await writer.ApplyAsync(corpus, [$"news-{n}"], CancellationToken.None)).Committed);
        }

        Assert.NotEqual(first, publisher.Version); // each commit published
        var (source, files) = Assert.Single(session.SourceFiles);
        foreach (var file in files)
        {
            using var stream = publisher.Replicator.ObtainFile(session.Id, source, file.FileName);
            Assert.Equal(file.Length, Drain(stream)); // whole, though three commits (and their merges) came after it
        }

        publisher.Replicator.Release(session.Id);
        File.WriteAllText(Path.Combine(corpus, "news-last.md"), DatedArticles.Article(
            "Ferry news last", "2026-01-06T08:00:00+00:00", "Coast Herald", "https://coast.example/last", "en", "The last Korvan ferry sailed on Tuesday."));
        await writer.ApplyAsync(corpus, ["news-last"], CancellationToken.None);
        var segments = files[^1].FileName; // segments_N of the first revision
        Assert.False(File.Exists(Path.Combine(_temp.File("index"), segments)), $"{segments} outlived its release");
    }

    private static long Drain(Stream stream)
    {
        var buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) total += read;
        return total;
    }
}
