using System.Text.Json;

namespace NewsQA.Cli.Tests;

/// <summary>
/// `newsqa bench soak` end to end for a few seconds: the bot in its own process, REST and Direct Line clients, articles
/// arriving in its folder; the results files have their shape and count what was answered (never how fast).
/// </summary>
public class BenchSoakCommandTests
{
    [Fact]
    public async Task BenchSoak_ForAFewSeconds_RunsTheBot_CountsItsAnswers_AndWritesTheResults()
    {
        using var temp = new TempFolder();
        var result = await NewsQACli.RunAsync("bench", "soak", "--seconds", "4", "--interval-seconds", "1", "--arrival-seconds", "0.5",
            "--concurrency", "3", "--directline", "1", "--paragraphs", "2", "--seeds", NewsQACli.Seeds, "--data", temp.File("no-data"), "--output", temp.Path);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File("results.json")));
        var root = json.RootElement;
        var intervals = root.GetProperty("intervals").EnumerateArray().ToList();
        Assert.InRange(intervals.Count, 3, 5);
        Assert.All(intervals, i => Assert.True(i.GetProperty("residentBytes").GetInt64() > 0));
        Assert.True(intervals.Sum(i => i.GetProperty("answers").GetInt32()) > 0);
        Assert.True(intervals[^1].GetProperty("articlesArrived").GetInt32() > 0);
        Assert.True(intervals[^1].GetProperty("documents").GetInt32() >= 5); // the seeds, at least
        var summary = root.GetProperty("summary");
        Assert.Equal(0, summary.GetProperty("errors").GetInt32());
        Assert.Equal(intervals.Sum(i => i.GetProperty("answers").GetInt32()), summary.GetProperty("answers").GetInt32());
        Assert.Equal("recombined from the seed articles' paragraphs", root.GetProperty("articleSource").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("loadAtStart").GetString()));
        var report = await File.ReadAllTextAsync(temp.File("results.md"));
        Assert.Contains("| resident memory at the end <= 1,000 MB |", report);
        Assert.Contains("2 REST + 1 Direct Line clients", report);
        Assert.False(Directory.Exists(temp.File("work")));
    }

    [Fact]
    public async Task BenchSoak_WithMoreDirectLineClientsThanClients_SaysWhat()
    {
        var result = await NewsQACli.RunAsync("bench", "soak", "--concurrency", "2", "--directline", "3");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--directline", result.Error);
    }
}
