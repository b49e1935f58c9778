using System.Text.Json;
using NewsQA.Tools.Benchmarking;

namespace NewsQA.Tools.Tests.Benchmarking;

public sealed class BenchmarkResultFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsqa-results-").FullName;

    [Fact]
    public void Merge_ReadsEveryKindOfResultFile_LaterRowsReplacingEarlier_OrderedBySizeThenEngine()
    {
        var run = Write("results.json", JsonSerializer.Serialize(new[] { Result("Xapian", 1000, 0.2), Result("NewsQA", 1000, 0.5), Result("NewsQA", 100_000, 9) }, EngineProcess.JsonOptions));
        var rerun = Write("newsqa.json", JsonSerializer.Serialize(Result("NewsQA", 100_000, 3), EngineProcess.JsonOptions));
        var xapian = Write("xapian.json", """{"passages": 1000000, "build_seconds": 500.0, "index_bytes": 3300, "peak_rss_bytes": 1700, "p50_ms": 179.8, "p95_ms": 600, "p99_ms": 1200, "qps": 4.0, "recall_at_1": 0.18, "mrr_at_10": 0.25}""");

        var merged = BenchmarkResultFiles.Merge([run, rerun, xapian]);

        Assert.Equal(["NewsQA 1000", "Xapian 1000", "NewsQA 100000", "Xapian 1000000"], merged.Select(r => $"{r.Engine} {r.Passages}"));
        Assert.Equal(3, merged[2].P50Ms);
        Assert.Equal(2000, merged[3].PassagesPerSecond);
        Assert.Equal(0.18, merged[3].RecallAt1);
    }

    [Fact]
    public void Read_NamesAFileThatIsNoResult() =>
        Assert.Contains("not a benchmark result", Assert.Throws<InvalidDataException>(() => BenchmarkResultFiles.Read(Write("other.json", """{"a": 1}"""))).Message);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static EngineResult Result(string engine, int passages, double p50) =>
        new(engine, passages, 10, passages / 10.0, 1000, 2000, p50, p50 * 2, p50 * 3, 100, null, 0.5, 0.6);
}
