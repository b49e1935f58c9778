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

    [Theory]
    [InlineData("أعلنت قوات التحالف الدولي في العراق انتهاء المهام القتالية، وبقي 2500 جندي.")]
    [InlineData("The coalition's troops at Ain al-Asad base, 2021: a, an, I, ok.")]
    [InlineData("")]
    public void AnalyzeWithTerms_GivesWhatTheSeparateAnalysesGive(string text)
    {
        var (terms, grams) = CharacterGrams.AnalyzeWithTerms(text);
        Assert.Equal(TextAnalyzer.Analyze(text), terms);
        Assert.Equal(CharacterGrams.Analyze(text), grams);
    }

    [Fact]
    public void Grams_AreFramedFourCharacterWindows_OrTheWholeShortWord()
    {
        Assert.Equal(["\u0001<قوا", "\u0001قوات", "\u0001وات>"], CharacterGrams.Analyze("قوات"));
        Assert.Equal(["\u0001<ok>"], CharacterGrams.Analyze("ok"));
    }
}
