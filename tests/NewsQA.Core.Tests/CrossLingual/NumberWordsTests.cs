using NewsQA.Core.CrossLingual;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.CrossLingual;

public class NumberWordsTests
{
    [Theory]
    [InlineData("three", 3)]
    [InlineData("2500", 2500)]
    [InlineData("ثلاثه", 3)] // normalized ثلاثة
    [InlineData("عشرين", 20)]
    [InlineData("hundred", 100)]
    public void Value_ReadsWordsInEitherLanguageAndDigits(string word, int expected) =>
        Assert.Equal(expected, NumberWords.Value(word));

    [Theory]
    [InlineData("one")]      // a pronoun far more often than a count
    [InlineData("coalition")]
    [InlineData("12345678901")]
    public void Value_IgnoresOtherWords(string word) => Assert.Null(NumberWords.Value(word));

    [Fact]
    public void Terms_GiveDigitsAndTheWordsOfTheTargetLanguage()
    {
        Assert.Equal(["3", "three"], NumberWords.Terms(3, TextLanguage.English));
        var arabic = NumberWords.Terms(3, TextLanguage.Arabic).ToList();
        Assert.Contains("3", arabic);
        Assert.Contains(TextAnalyzer.Analyze("ثلاثة")[0], arabic);
        Assert.Equal(["2500"], NumberWords.Terms(2500, TextLanguage.Arabic));
    }

    [Fact]
    public void IrregularVerbs_GiveTheBaseForm()
    {
        Assert.Equal("win", IrregularVerbs.BaseOf("won"));
        Assert.Equal("withdraw", IrregularVerbs.BaseOf("withdrew"));
        Assert.Null(IrregularVerbs.BaseOf("attacked")); // regular: Porter stemming relates it
    }
}
