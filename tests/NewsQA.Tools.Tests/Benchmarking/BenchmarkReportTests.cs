using NewsQA.Tools.Benchmarking;

namespace NewsQA.Tools.Tests.Benchmarking;

public class BenchmarkReportTests
{
    private static readonly EngineResult[] Results =
    [
        new("NewsQA", 1000, 1, 1000, 1_000_000, 100_000_000, 2.0, 3, 4, 500, 900, 0.85, 0.9),
        new("Xapian", 1000, 0.5, 2000, 500_000, 50_000_000, 0.5, 1, 2, 2000, null, 0.80, 0.85),
    ];

    [Fact]
    public void Markdown_ReportsRatiosPerSize()
    {
        var table = BenchmarkReport.Markdown(Results);
        Assert.Contains("| 1,000 | 4.00 | 0.50 | +0.050 |", table); // p50 2.0/0.5, speed 1000/2000, R@1 0.85-0.80
        Assert.Contains("| — |", table); // Xapian is run on one thread only
    }

    [Fact]
    public void Svg_DrawsOneLinePerEnginePerPanel()
    {
        var svg = BenchmarkReport.Svg(Results);
        Assert.StartsWith("<svg", svg);
        Assert.Equal(4, svg.Split("<polyline").Length - 1);
    }
}
