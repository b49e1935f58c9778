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
    public async Task BenchVectors_OnGivenVectorFiles_MeasuresPrefixesOfThem_AndLeavesThemInPlace()
    {
        using var temp = new TempFolder();
        var result = await RunOnGivenFilesAsync(temp, fileDimensions: 12, vectorRows: 400, queryRows: 40, "--dimensions", "12", "--sizes", "150,300", "--queries", "25", "--engines", "exact-matrix");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File("out/results.json")));
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal([150, 300], rows.Select(r => r.GetProperty("vectors").GetInt32()));
        Assert.All(rows, r =>
        {
            Assert.True(r.GetProperty("finished").GetBoolean());
            Assert.Equal(12, r.GetProperty("dimensions").GetInt32());
            // The exact matrix is the prefix itself, row for row, and finds the exact top 10 of each query.
            Assert.Equal(r.GetProperty("vectors").GetInt32() * 12L * sizeof(float), r.GetProperty("indexBytes").GetInt64());
            Assert.Equal(1.0, r.GetProperty("recallAt10").GetDouble());
        });
        Assert.Equal(400 * 12 * sizeof(float), new FileInfo(temp.File("corpus.f32")).Length);
        Assert.Equal(40 * 12 * sizeof(float), new FileInfo(temp.File("questions.f32")).Length);
        Assert.False(Directory.Exists(temp.File("out/work")));
    }

    [Theory]
    [InlineData("8", "50,200", "10", "--vectors-file: ", "holds 100 vectors of 8 dimensions, fewer than the largest of --sizes (200)")]
    [InlineData("9", "50", "10", "--vectors-file: ", "is 3,200 bytes, not whole rows of 9 f32 values (36 bytes each): is --dimensions right?")]
    [InlineData("8", "50", "11", "--queries-file: ", "holds 10 vectors of 8 dimensions, fewer than --queries (11)")]
    public async Task BenchVectors_OnGivenFilesThatDoNotFitTheOptions_NamesTheOptionAtFault(string dimensions, string sizes, string queryCount, string option, string expected)
    {
        using var temp = new TempFolder();
        var result = await RunOnGivenFilesAsync(temp, fileDimensions: 8, vectorRows: 100, queryRows: 10, "--dimensions", dimensions, "--sizes", sizes, "--queries", queryCount);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Error);
        Assert.Contains(expected, result.Error);
        Assert.False(File.Exists(temp.File("out/results.json")));
    }

    [Fact]
    public async Task BenchVectors_WithAQueriesFileButNoVectorsFile_SaysTheyGoTogether()
    {
        using var temp = new TempFolder();
        var queries = WriteUnitVectors(temp.File("questions.f32"), rows: 10, dimensions: 8, seed: 7);

        var result = await NewsQACli.RunAsync("bench", "vectors", "--queries-file", queries, "--dimensions", "8", "--sizes", "50", "--output", temp.File("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--vectors-file and --queries-file go together", result.Error);
    }

    [Fact]
    public async Task BenchVectors_WithAnUnknownEngine_NamesTheKnownOnes()
    {
        var result = await NewsQACli.RunAsync("bench", "vectors", "--engines", "faiss");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("exact-matrix", result.Error + result.Output);
    }

    // corpus.f32 and questions.f32 in the temp folder, results in out/.
    private static Task<CliResult> RunOnGivenFilesAsync(TempFolder temp, int fileDimensions, int vectorRows, int queryRows, params string[] options)
    {
        var vectors = WriteUnitVectors(temp.File("corpus.f32"), vectorRows, fileDimensions, seed: 1);
        var queries = WriteUnitVectors(temp.File("questions.f32"), queryRows, fileDimensions, seed: 2);
        return NewsQACli.RunAsync(["bench", "vectors", "--vectors-file", vectors, "--queries-file", queries, "--output", temp.File("out"), .. options]);
    }

    // Little-endian f32 rows, no header: the layout the benchmark's own work files and NewsQA.Bench.TextVectors use.
    private static string WriteUnitVectors(string path, int rows, int dimensions, int seed)
    {
        var random = new Random(seed);
        using var writer = new BinaryWriter(File.Create(path));
        for (var r = 0; r < rows; r++)
        {
            var row = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
            var norm = MathF.Sqrt(row.Sum(x => x * x));
            foreach (var x in row) writer.Write(x / norm);
        }

        return path;
    }
}
