using Microsoft.Extensions.Time.Testing;
using NewsQA.Core.Time;

namespace NewsQA.Core.Tests.Time;

public class TimeCueParserTests
{
    // Wednesday 12 June 2024, noon, in the clock's zone (UTC).
    private static readonly TimeCueParser Parser = new(new FakeTimeProvider(new DateTimeOffset(2024, 6, 12, 12, 0, 0, TimeSpan.Zero)));

    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset? Midnight(string? day) =>
        day is null ? null : DateTimeOffset.Parse(day + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertRange(string question, DateTimeOffset? from, DateTimeOffset? until, bool recent = false)
    {
        var constraint = Parser.Parse(question);
        Assert.Equal(from, constraint.From);
        Assert.Equal(until, constraint.Until);
        Assert.Equal(recent, constraint.PreferRecent);
        Assert.NotEmpty(constraint.Cues);
    }

    [Theory]
    [InlineData("What is the latest figure on NATO advisers?")]
    [InlineData("What was the most recent statement by the ministry?")]
    [InlineData("Which attacks happened recently?")]
    [InlineData("What's new about the coalition?")]
    [InlineData("ما آخر تصريح للناتو؟")]
    [InlineData("ما هو آخر رقم لعدد المستشارين؟")]
    [InlineData("ما أحدث الأرقام عن القوات؟")]
    [InlineData("ماذا حدث مؤخراً في بغداد؟")]
    [InlineData("ما التصريح الأخير للحكومة؟")]
    public void RecencyCues_AskForTheNewest(string question) => AssertRange(question, null, null, recent: true);

    [Theory]
    [InlineData("What did the ministry say in 2021?", 2021, 1, 2022, 1)]
    [InlineData("How many troops were there during 2019?", 2019, 1, 2020, 1)]
    [InlineData("What happened in January 2024?", 2024, 1, 2024, 2)]
    [InlineData("What happened in Sept 2023?", 2023, 9, 2023, 10)]
    [InlineData("What happened in March?", 2024, 3, 2024, 4)]
    [InlineData("What happened in December?", 2023, 12, 2024, 1)]
    [InlineData("ماذا قال المتحدث عام 2021؟", 2021, 1, 2022, 1)]
    [InlineData("ماذا قال المتحدث في العام ٢٠٢١؟", 2021, 1, 2022, 1)]
    [InlineData("ماذا حدث في يناير/كانون الثاني 2024؟", 2024, 1, 2024, 2)]
    [InlineData("ماذا حدث في كانون الثاني 2024؟", 2024, 1, 2024, 2)]
    [InlineData("ماذا حدث في يناير (كانون الثاني) 2024؟", 2024, 1, 2024, 2)]
    [InlineData("ماذا حدث في تشرين الأول 2023؟", 2023, 10, 2023, 11)]
    [InlineData("ماذا جرى في شهر آب 2022؟", 2022, 8, 2022, 9)]
    [InlineData("بين عامي 2019 و2021 كم كان عدد الجنود؟", 2019, 1, 2022, 1)]
    [InlineData("How many soldiers were there between 2019 and 2021?", 2019, 1, 2022, 1)]
    public void PeriodCues_GiveTheirRange(string question, int fromYear, int fromMonth, int untilYear, int untilMonth) =>
        AssertRange(question, Day(fromYear, fromMonth, 1), Day(untilYear, untilMonth, 1));

    [Theory]
    [InlineData("What has changed since 2020?", "2020-01-01", null)]
    [InlineData("Which attacks came after March 2021?", "2021-04-01", null)]
    [InlineData("What was agreed before 15 January 2024?", null, "2024-01-15")]
    [InlineData("What was agreed before January 15, 2024?", null, "2024-01-15")]
    [InlineData("What happened until 2022?", null, "2023-01-01")]
    [InlineData("ما الذي تغير منذ عام 2020؟", "2020-01-01", null)]
    [InlineData("ماذا حدث قبل عام 2019؟", null, "2019-01-01")]
    [InlineData("ماذا حدث بعد مارس 2022؟", "2022-04-01", null)]
    [InlineData("وماذا حدث منذ يونيو؟", "2024-06-01", null)]
    [InlineData("ماذا حدث منذ أسبوع؟", "2024-06-05", null)]
    [InlineData("ما الذي تغير منذ شهرين؟", "2024-04-12", null)]
    public void BoundCues_OpenTheRangeOnOneSide(string question, string? from, string? until) => AssertRange(question, Midnight(from), Midnight(until));

    [Theory]
    [InlineData("What happened last week?", "2024-06-03", "2024-06-10")] // Monday to Monday
    [InlineData("ماذا حدث الأسبوع الماضي؟", "2024-06-03", "2024-06-10")]
    [InlineData("ماذا حدث خلال الاسبوع الماضي في الموصل؟", "2024-06-03", "2024-06-10")]
    [InlineData("What happened this week?", "2024-06-10", "2024-06-13")]
    [InlineData("What happened last month?", "2024-05-01", "2024-06-01")]
    [InlineData("ماذا حدث الشهر الماضي؟", "2024-05-01", "2024-06-01")]
    [InlineData("ماذا حدث العام الماضي؟", "2023-01-01", "2024-01-01")]
    [InlineData("ماذا حدث في السنة الماضية؟", "2023-01-01", "2024-01-01")]
    [InlineData("ماذا حدث هذا العام؟", "2024-01-01", "2024-06-13")]
    [InlineData("What happened yesterday?", "2024-06-11", "2024-06-12")]
    [InlineData("ماذا حدث أمس؟", "2024-06-11", "2024-06-12")]
    [InlineData("What happened in the past 3 days?", "2024-06-09", "2024-06-13")]
    [InlineData("What happened over the last two weeks?", "2024-05-29", "2024-06-13")]
    public void RelativeCues_CountFromToday(string question, string from, string until) => AssertRange(question, Midnight(from), Midnight(until));

    [Theory]
    [InlineData("Who signed the 2021 agreement?")]
    [InlineData("What may happen to the advisers?")]
    [InlineData("Why did they march on Baghdad?")]
    [InlineData("قال مسؤول آخر إن القوات ستبقى")]
    [InlineData("من مارس الضغط على الحكومة؟")]
    [InlineData("كم عدد الجنود الأمريكيين في العراق؟")]
    [InlineData("")]
    public void QuestionsWithoutATimeCue_HaveNoConstraint(string question)
    {
        var constraint = Parser.Parse(question);
        Assert.True(constraint.IsEmpty);
        Assert.Empty(constraint.Cues);
    }

    [Fact]
    public void Cues_NarrowEachOther_AndSayWhereTheyAre()
    {
        const string question = "What is the latest statement since 2023, before March 2024?";
        var constraint = Parser.Parse(question);
        Assert.Equal(Day(2023, 1, 1), constraint.From);
        Assert.Equal(Day(2024, 3, 1), constraint.Until);
        Assert.True(constraint.PreferRecent);
        Assert.Equal(["latest", "since 2023", "before March 2024"], constraint.Cues.Select(c => question.Substring(c.Start, c.Length)));
        Assert.True(constraint.Contains(Day(2023, 6, 1)));
        Assert.False(constraint.Contains(Day(2024, 3, 1)));
    }

    [Fact]
    public void CueSpans_PointIntoTheQuestionAsWritten_WithItsDiacritics()
    {
        const string question = "ماذا حدث مؤخراً في عامِ 2021؟";
        var cues = Parser.Parse(question).Cues;
        Assert.Equal(["مؤخرا", "في عامِ 2021"], cues.Select(c => question.Substring(c.Start, c.Length)));
    }

    [Fact]
    public void ContradictoryBounds_LeaveTheRangeOpen()
    {
        var constraint = Parser.Parse("What happened after 2022 and before 2020?");
        Assert.False(constraint.HasRange);
        Assert.Equal(2, constraint.Cues.Count);
    }
}
