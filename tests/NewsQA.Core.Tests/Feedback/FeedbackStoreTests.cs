using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Feedback;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Feedback;

public class FeedbackStoreTests
{
    private static FeedbackRecord Record(string question, string reaction = "dislike") =>
        new("c1", "r1", reaction, "wrong person", question, ["d:p1"]) { Answer = "**X** [1]", Citations = [new FeedbackCitation(1, "d:p1", "Title", 3, "The cited sentence.")] };

    [Fact]
    public async Task SaveAsync_RotatesTheFileBySize_AndKeepsOnlyTheConfiguredNumberOfOldFiles()
    {
        using var temp = new TempFolder();
        var path = temp.File("feedback.jsonl");
        var store = new FeedbackStore(Options.Create(new FeedbackOptions { Path = path, MaxFileBytes = 1024, MaxFiles = 2 }), new ManualClock(DateTimeOffset.UnixEpoch));

        for (var i = 0; i < 40; i++) await store.SaveAsync(Record($"question {i}"), CancellationToken.None);

        Assert.All(new[] { path, FeedbackStore.Rotated(path, 1), FeedbackStore.Rotated(path, 2) }, f => Assert.True(new FileInfo(f).Length <= 1024, f));
        Assert.False(File.Exists(FeedbackStore.Rotated(path, 3)));
        var (records, unreadable) = store.ReadAll();
        Assert.Equal(0, unreadable);
        Assert.Equal("question 39", records[^1].Question); // the newest survives, the oldest went
        Assert.DoesNotContain(records, r => r.Question == "question 0");
        Assert.Equal(records.Select(r => r.Question).Order(StringComparer.Ordinal), records.Select(r => r.Question).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadAll_KeepsTheAnswerAndItsCitations_AndSkipsLinesThatDoNotParse()
    {
        using var temp = new TempFolder();
        var path = temp.File("feedback.jsonl");
        var clock = new ManualClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var store = new FeedbackStore(Options.Create(new FeedbackOptions { Path = path }), clock);
        await store.SaveAsync(Record("من هو المتحدث؟"), CancellationToken.None);
        await File.AppendAllTextAsync(path, "{not json\n");

        var (records, unreadable) = store.ReadAll();

        Assert.Equal(1, unreadable);
        var record = Assert.Single(records);
        Assert.Equal((clock.GetUtcNow(), "**X** [1]", "The cited sentence."), (record.ReceivedAt, record.Answer, record.Citations[0].Sentence));
        Assert.True(record.IsDislike);
    }
}
