using System.Text.Json;

namespace NewsQA.Cli.Tests;

public class BenchVectorsCommandTests
{
    [Fact]
    public async Task BenchVectors_OnATinySize_MeasuresEachEngineInItsOwnProcess_AndWritesTheTable()
    {
        // Two of the four engines, to keep the test short: each engine is built and searched in-process by
        // VectorEnginesTests; this checks the child processes, the results files and the clean-up.
        using var temp = new TempFolder();
        var result = await NewsQACli.RunAsync("bench", "vectors", "--sizes", "300", "--dimensions", "16", "--engines", "exact-matrix,usearch-i8", "--output", temp.Path);

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File("results.json")));
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["exact-matrix", "usearch-i8"], rows.Select(r => r.GetProperty("engine").GetString()));
        Assert.All(rows, r =>
        {
            Assert.True(r.GetProperty("finished").GetBoolean());
            Assert.Equal(300, r.GetProperty("vectors").GetInt32());
            Assert.True(r.GetProperty("peakRssBytes").GetInt64() > 0);
            Assert.True(r.GetProperty("indexBytes").GetInt64() > 300 * 16);
            Assert.False(string.IsNullOrEmpty(r.GetProperty("loadAtStart").GetString()));
        });
        Assert.Equal(1.0, rows[0].GetProperty("recallAt10").GetDouble());
        Assert.Contains("| usearch-i8 | 300 | 16 |", await File.ReadAllTextAsync(temp.File("results.md")));
        Assert.False(Directory.Exists(temp.File("work")));
    }

    [Fact]
    public async Task BenchVectors_WithAnUnknownEngine_NamesTheKnownOnes()
    {
        var result = await NewsQACli.RunAsync("bench", "vectors", "--engines", "faiss");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("exact-matrix", result.Error + result.Output);
    }
}
