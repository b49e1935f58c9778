using NewsQA.Core.Answering.Questions;

namespace NewsQA.Core.Tests.Answering;

public class IntentDetectorTests
{
    [Theory]
    [InlineData("لخص المقال الثاني")]
    [InlineData("ما أهم ما جاء في المقال عن الانسحاب؟")]
    [InlineData("أبرز النقاط في المقالات")]
    [InlineData("أعطني ملخص المقال الأول")]
    [InlineData("Summarize the third article")]
    [InlineData("What is the article about?")]
    [InlineData("key points about the withdrawal")]
    public void Detect_RecognizesSummaryRequests(string message) =>
        Assert.Equal(QuestionIntent.Summary, IntentDetector.Detect(message).Intent);

    [Theory]
    [InlineData("show 2", 2)]
    [InlineData("Show [3]", 3)]
    [InlineData("المصدر 2", 2)]
    [InlineData("المصدر ٣", 3)]
    [InlineData("source 1", 1)]
    public void Detect_RecognizesSourceCommands(string message, int marker) =>
        Assert.Equal((QuestionIntent.ShowSource, marker), IntentDetector.Detect(message));

    [Theory]
    [InlineData("من هو المتحدث باسم الحشد الشعبي؟")]
    [InlineData("How many troops does NATO have in Iraq?")]
    [InlineData("show me who attacked the base")]
    public void Detect_LeavesFactoidQuestionsAlone(string message) =>
        Assert.Equal(QuestionIntent.Factoid, IntentDetector.Detect(message).Intent);
}
