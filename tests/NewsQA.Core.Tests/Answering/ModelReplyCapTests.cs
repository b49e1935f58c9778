using NewsQA.Core.Answering.Generators;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Answering;

public class ModelReplyCapTests
{
    [Fact]
    public void ACutReply_EndsAfterItsLastWholeSentence()
    {
        Assert.Equal("The bridge reopened [1]. Traffic was light [2].", ModelReplyCap.Cut("The bridge reopened [1]. Traffic was light [2]. Engineers repla"));
        Assert.Equal("افتتح الجسر [1]؟", ModelReplyCap.Cut("افتتح الجسر [1]؟ وقال المهند"));
    }

    [Fact]
    public void AReplyWhoseFirstSentenceIsLongerThanTheCap_IsCutAtItsLastWholeWord() =>
        Assert.Equal("word word word", ModelReplyCap.Cut("word word word wo"));

    [Fact]
    public void TheNote_IsInTheAnswersLanguage()
    {
        Assert.Contains("shortened", ModelReplyCap.Note(TextLanguage.English), StringComparison.Ordinal);
        Assert.Equal(TextLanguage.Arabic, LanguageDetector.Detect(ModelReplyCap.Note(TextLanguage.Arabic)));
    }
}
