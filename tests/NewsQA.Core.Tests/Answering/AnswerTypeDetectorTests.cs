using NewsQA.Core.Answering.Questions;

namespace NewsQA.Core.Tests.Answering;

public class AnswerTypeDetectorTests
{
    [Theory]
    [InlineData("كم مسلحا قتل في الحملة؟", AnswerType.Number)]
    [InlineData("How many soldiers remain?", AnswerType.Number)]
    [InlineData("متى أعلن النصر على التنظيم؟", AnswerType.Time)]
    [InlineData("When did the combat mission end?", AnswerType.Time)]
    [InlineData("أين تقع قاعدة الحرير؟", AnswerType.Place)]
    [InlineData("لماذا تأخر تحرير تكريت؟", AnswerType.Reason)]
    [InlineData("من هو قائد القوات الفرنسية؟", AnswerType.Person)]
    [InlineData("Who is the NATO secretary general?", AnswerType.Person)]
    [InlineData("ماذا قال الوزير؟", AnswerType.Unknown)]
    [InlineData("من قاد الحملة على تكريت؟", AnswerType.Person)]
    [InlineData("من كان قائد القوات؟", AnswerType.Person)]
    [InlineData("من أين يأتي الزوار؟", AnswerType.Place)]
    [InlineData("ما عدد الجنود الألمان في العراق؟", AnswerType.Number)]
    [InlineData("في أي مدينة تقع القاعدة؟", AnswerType.Place)]
    [InlineData("Which country leads the coalition?", AnswerType.Place)]
    [InlineData("What percentage of the forces left?", AnswerType.Number)]
    [InlineData("ما الذي قرره البرلمان؟", AnswerType.Unknown)]
    public void Detect_ReadsTheQuestionWord(string question, AnswerType expected) =>
        Assert.Equal(expected, AnswerTypeDetector.Detect(question));

    [Fact]
    public void Holds_NeedsANumberTheQuestionDidNotAlreadySay()
    {
        Assert.True(AnswerTypeDetector.Holds(AnswerType.Number, "رفع عدد جنوده من 500 الى 4000 فرد", "كم جنديا؟"));
        Assert.False(AnswerTypeDetector.Holds(AnswerType.Number, "وقعت الحرب عام 2015", "ماذا حدث في 2015؟ كم"));
    }

    [Fact]
    public void Holds_FindsDatesAndCauses()
    {
        Assert.True(AnswerTypeDetector.Holds(AnswerType.Time, "أعلن النصر عام 2017", "متى؟"));
        Assert.True(AnswerTypeDetector.Holds(AnswerType.Reason, "تأخر تحرير تكريت بسبب اختلاف المواقف", "لماذا؟"));
        Assert.False(AnswerTypeDetector.Holds(AnswerType.Reason, "تأخر تحرير تكريت", "لماذا؟"));
    }
}
