using NewsQA.Tools.Benchmarking;

namespace NewsQA.Tools.Tests.Benchmarking;

public class PercentilesTests
{
    [Theory]
    [InlineData(50, 3.0)]
    [InlineData(0, 1.0)]
    [InlineData(100, 5.0)]
    [InlineData(25, 2.0)]
    [InlineData(90, 4.6)]
    public void Of_InterpolatesBetweenClosestRanks(double percent, double expected) =>
        Assert.Equal(expected, Percentiles.Of([5, 1, 4, 2, 3], percent), 9);

    [Fact]
    public void Of_MatchesNumPyForAnEvenCount() =>
        Assert.Equal(2.5, Percentiles.Of([1, 2, 3, 4], 50), 9); // numpy.percentile([1,2,3,4], 50) == 2.5

    [Fact]
    public void Of_NothingIsNaN() => Assert.True(double.IsNaN(Percentiles.Of([], 50)));
}
