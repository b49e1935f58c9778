using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Text;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("من هو المتحدث باسم الحشد الشعبي؟", TextLanguage.Arabic)]
    [InlineData("Who is the spokesman of the Popular Mobilization Forces?", TextLanguage.English)]
    [InlineData("قال لموقع Pbs الاخباري إن القوات باقية", TextLanguage.Arabic)]
    [InlineData("Coalition التحالف forces القوات", TextLanguage.Mixed)]
    [InlineData("2021 ، 500", TextLanguage.Unknown)]
    public void Detect_TellsScriptOfText(string text, TextLanguage expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));
}
