using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Tests.Ingestion;

public class PublishedDateTests
{
    [Theory]
    [InlineData("2024-03-05T08:30:00+03:00", "2024-03-05T05:30:00Z")]
    [InlineData("2024-03-05T08:30:00.123Z", "2024-03-05T08:30:00.123Z")]
    [InlineData("2024-03-05T08:30:00+0300", "2024-03-05T05:30:00Z")]
    [InlineData("2024-03-05 08:30", "2024-03-05T08:30:00Z")]
    [InlineData("2024-03-05", "2024-03-05T00:00:00Z")]
    [InlineData("Mon, 04 Mar 2024 22:00:00 GMT", "2024-03-04T22:00:00Z")]
    [InlineData("Sun, 19 Nov 2023 08:00:00 +0300", "2023-11-19T05:00:00Z")]
    [InlineData("4 Mar 2024 17:00:00 EST", "2024-03-04T22:00:00Z")]
    [InlineData("Tue, 5 Mar 24 09:15 PDT", "2024-03-05T16:15:00Z")]
    public void Parse_ReadsIsoAndRfc822Dates(string text, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), PublishedDate.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("last Tuesday at noon")]
    [InlineData("2024-13-45")]
    [InlineData("Mon, 04 Mar 2024 22:00:00 XYZ")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1970-01-01T00:00:00Z")]
    public void Parse_GivesNoDate_ForWhatIsNotOne(string? text) => Assert.Null(PublishedDate.Parse(text));

    // Issue 25, finding 1: a date whose instant in UTC is before the calendar's first one threw out of the feed poller.
    [Theory]
    [InlineData(NewsQA.Testing.HostileInputs.Rfc822OutOfRange)]
    [InlineData(NewsQA.Testing.HostileInputs.ShortOutOfRange)]
    [InlineData("31 Dec 9999 23:59:59 -1400")]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("9999-12-31T23:59:59-14:00")]
    public void Parse_GivesNoDate_ForADateOutsideTheCalendar_WithoutThrowing(string text) => Assert.Null(PublishedDate.Parse(text));
}
