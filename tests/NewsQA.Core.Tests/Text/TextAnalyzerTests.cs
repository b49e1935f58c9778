using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Text;

public class TextAnalyzerTests
{
    [Fact]
    public void Analyze_DropsArabicStopWordsAndStems()
    {
        var terms = TextAnalyzer.Analyze("من هو المتحدث باسم الحشد الشعبي؟");
        Assert.DoesNotContain("من", terms);
        Assert.DoesNotContain("هو", terms);
        Assert.Contains("متحدث", terms);
        Assert.Contains("حشد", terms);
    }

    [Fact]
    public void Analyze_DropsEnglishStopWordsAndStems()
    {
        var terms = TextAnalyzer.Analyze("What did the coalition's troops say?");
        Assert.Equal(["coalit", "troop", "sai"], terms);
    }

    [Fact]
    public void Analyze_KeepsNumbersInEitherDigitScript()
    {
        Assert.Contains("2500", TextAnalyzer.Analyze("قوامها ٢٥٠٠ جندي"));
        Assert.Contains("2500", TextAnalyzer.Analyze("2500 soldiers"));
    }

    [Fact]
    public void Analyze_DropsRunawayTokens() =>
        Assert.Empty(TextAnalyzer.Analyze(new string('x', 500)));
}
