using NewsQA.Tools.Benchmarking;

namespace NewsQA.Tools.Tests.Benchmarking;

public class LoadTimelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_CountsEachSecondsAnswersAndErrors_AndKeepsTheFirstAndLastError()
    {
        var timeline = LoadTimeline.Of(Start,
        [
            (Start.AddMilliseconds(200), true), (Start.AddMilliseconds(900), true), (Start.AddMilliseconds(1100), false),
            (Start.AddMilliseconds(1500), true), (Start.AddMilliseconds(3700), false), (Start.AddMilliseconds(3900), true),
        ]);

        Assert.Equal([new LoadSecond(0, 2, 0), new LoadSecond(1, 1, 1), new LoadSecond(2, 0, 0), new LoadSecond(3, 1, 1)], timeline.Seconds);
        Assert.Equal(Start, timeline.Started);
        Assert.Equal(Start.AddMilliseconds(1100), timeline.FirstError);
        Assert.Equal(Start.AddMilliseconds(3700), timeline.LastError);
        Assert.EndsWith("errors 2: first at 13:00:01.100, last at 13:00:03.700 UTC\n", LoadTimelineReport.Text(timeline), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_WithoutErrors_HasNoErrorTimes()
    {
        var timeline = LoadTimeline.Of(Start, [(Start.AddMilliseconds(10), true)]);
        Assert.Equal([new LoadSecond(0, 1, 0)], timeline.Seconds);
        Assert.Null(timeline.FirstError);
        Assert.EndsWith("no errors\n", LoadTimelineReport.Text(timeline), StringComparison.Ordinal);
    }
}
