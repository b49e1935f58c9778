using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Answering;

/// <summary>Each kind of short answer found in sentences written like news prose (not taken from the seeds).</summary>
public class TypedSpanFinderTests
{
    private static List<(SpanKind Kind, string Text)> Spans(string sentence)
    {
        var tokens = Tokenizer.Tokenize(sentence);
        return [.. TypedSpanFinder.Find(sentence, tokens).Select(s => (s.Kind, sentence[tokens[s.Start].Start..(tokens[s.End - 1].Start + tokens[s.End - 1].Length)]))];
    }

    [Theory]
    [InlineData("وقال المتحدث باسم الوزارة سعد معن، للصحفيين إن العمليات مستمرة.", "سعد معن")] // role, its modifiers, then the name
    [InlineData("والتقى الرئيس العراقي عبد اللطيف رشيد بالوفد أمس.", "عبد اللطيف رشيد")]
    [InlineData("وأكد يحيى رسول الناطق باسم القائد العام أن القوات تقدمت.", "يحيى رسول")] // the name before the role
    [InlineData("Lieutenant-General Abdul Amir al-Shammari met the commanders.", "Abdul Amir al-Shammari")] // the title is not part of the name
    public void Find_AFullName(string sentence, string name) => Assert.Contains((SpanKind.Person, name), Spans(sentence));

    [Theory]
    [InlineData("وارتفع عدد المستشارين من 300 الى 1200 مستشار هذا العام.", "1200 مستشار")] // the counted noun comes with it
    [InlineData("وقتل في الهجوم ثلاثة جنود قرب الحدود.", "ثلاثة جنود")]
    [InlineData("The mission grew to 4,000 troops.", "4,000 troops")]
    public void Find_ANumberWithWhatItCounts(string sentence, string number) => Assert.Contains((SpanKind.Number, number), Spans(sentence));

    [Theory]
    [InlineData("وبدأت المهمة في 15 كانون الثاني/ يناير 2019 بعد الاتفاق.", "15 كانون الثاني/ يناير 2019")] // both month series
    [InlineData("ووصل الوفد يوم الثلاثاء الماضي إلى العاصمة.", "يوم الثلاثاء الماضي")]
    [InlineData("وانتهى الدور القتالي بحلول نهاية عام 2021 كما اتفق.", "نهاية عام 2021")]
    [InlineData("The talks ended in March 2021.", "March 2021")]
    public void Find_ADate(string sentence, string date) => Assert.Contains((SpanKind.Time, date), Spans(sentence));

    [Fact]
    public void Find_APlaceAfterItsNoun_AndAnOrganizationWithItsName()
    {
        var spans = Spans("وتمركزت القوات في قاعدة التاجي شمال بغداد، فيما أعلنت حركة عصائب أهل الحق موقفها.");
        Assert.Contains((SpanKind.Place, "التاجي"), spans);
        Assert.Contains((SpanKind.Organization, "حركة عصائب أهل الحق"), spans);
    }

    [Fact]
    public void Find_LeavesMayTheVerbAlone_ButNotMayTheMonth()
    {
        Assert.DoesNotContain(Spans("Officials said the forces may leave."), s => s.Kind == SpanKind.Time);
        Assert.Contains((SpanKind.Time, "12 May"), Spans("The forces left on 12 May."));
    }
}
