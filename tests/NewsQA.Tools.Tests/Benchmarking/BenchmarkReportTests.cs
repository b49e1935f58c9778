using NewsQA.Tools.Benchmarking;

namespace NewsQA.Tools.Tests.Benchmarking;

public class BenchmarkReportTests
{
    private static readonly EngineResult[] Results =
    [
        new("NewsQA", 1000, 1, 1000, 1_000_000, 100_000_000, 2.0, 3, 4, 500, 900, 0.85, 0.9, UpdateMs: 12, UpdateBytes: 5_000),
        new("Lucene", 1000, 0.8, 1250, 800_000, 80_000_000, 1.0, 2, 3, 1000, 1800, 0.75, 0.8),
        new("Xapian", 1000, 0.5, 2000, 500_000, 50_000_000, 0.5, 1, 2, 2000, null, 0.80, 0.85),
    ];

    [Fact]
    public void Markdown_ReportsRatiosPerSize()
    {
        var table = BenchmarkReport.Markdown(Results);
        Assert.Contains("| 1,000 | Xapian | 4.00 | 0.50 | 2.00 | +0.050 |", table); // p50 2.0/0.5, speed 1000/2000, size, R@1 0.85-0.80
        Assert.Contains("| 1,000 | Lucene | 2.00 | 0.80 | 1.25 | +0.100 |", table);
        Assert.Contains("| 1,000 | 12 ms | 5,000 | 0.500% |", table); // the update row: 5,000 of 1,000,000 bytes
        Assert.Contains("| — |", table); // Xapian is run on one thread only
    }

    [Fact]
    public void Svg_DrawsOneLinePerEnginePerPanel()
    {
        var svg = BenchmarkReport.Svg(Results);
        Assert.StartsWith("<svg", svg);
        Assert.Equal(6, svg.Split("<polyline").Length - 1);
        Assert.Contains(">Lucene</text>", svg);
    }
}
