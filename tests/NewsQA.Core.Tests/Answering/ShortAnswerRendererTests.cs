using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.ShortAnswers;

namespace NewsQA.Core.Tests.Answering;

public class ShortAnswerRendererTests
{
    [Theory]
    [InlineData("31 كانون الأول/ ديسمبر", "31 December")]
    [InlineData("كانون الثاني 2020", "January 2020")] // the Levantine series
    [InlineData("يناير 2020", "January 2020")] // the Egyptian series
    [InlineData("تشرين الأول", "October")]
    [InlineData("منتصف نوفمبر الماضي", "mid-November")]
    [InlineData("يوليو/تموز الماضي", "last July")]
    [InlineData("مايو ٢٠٢٠", "May 2020")] // Arabic-Indic digits become Western ones
    [InlineData("العام 2018", "2018")]
    [InlineData("الخميس الماضي", "last Thursday")]
    public void ForEnglishReader_WritesDatesWithEnglishMonthsAndWesternDigits(string arabic, string english) =>
        Assert.Equal((english, false), ShortAnswerRenderer.ForEnglishReader(arabic, SpanKind.Time, null));

    [Fact]
    public void ForEnglishReader_WritesNumbersInWesternDigits_AndNamesAsMarkedTransliterations()
    {
        Assert.Equal(("12,500", false), ShortAnswerRenderer.ForEnglishReader("١٢٥٠٠", SpanKind.Number, null));
        Assert.Equal(("3", false), ShortAnswerRenderer.ForEnglishReader("ثلاثة", SpanKind.Number, null));
        Assert.Equal(("Karim al-Nouri", true), ShortAnswerRenderer.ForEnglishReader("كريم النوري", SpanKind.Person, null));
        Assert.Equal(("تدريب القوات", false), ShortAnswerRenderer.ForEnglishReader("تدريب القوات", null, null)); // a phrase stays Arabic
    }
}
