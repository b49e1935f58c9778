using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.Questions;

namespace NewsQA.Core.Tests.Answering;

/// <summary>The kind of short answer each question asks for, in both languages.</summary>
public class AnswerKindTests
{
    [Theory]
    [InlineData("إلى أي حركة ينتمي القيادي؟", SpanKind.Organization)]
    [InlineData("مع أي موقع إخباري تحدث الكولونيل؟", SpanKind.Organization)]
    [InlineData("Which group claimed the attack?", SpanKind.Organization)]
    [InlineData("Which news site did the colonel speak to?", SpanKind.Organization)]
    [InlineData("أي قائد أعلن انتهاء العملية؟", SpanKind.Person)]
    [InlineData("Which commander announced the end of the operation?", SpanKind.Person)]
    [InlineData("من تبنى الهجوم؟", SpanKind.Person)]
    [InlineData("How long did the operation last?", SpanKind.Number)]
    [InlineData("على أطراف أي مدينة تقاتل القوات؟", SpanKind.Place)]
    [InlineData("Where is the base?", SpanKind.Place)]
    [InlineData("متى بدأت العملية؟", SpanKind.Time)]
    public void TheQuestion_AsksForOneKind(string question, SpanKind kind) =>
        Assert.Equal(kind, AskedKind.Of(AnswerTypeDetector.Detect(question)));

    [Theory]
    [InlineData("ماذا قال المتحدث عن الانسحاب؟")]
    [InlineData("Why did the coalition leave?")]
    [InlineData("What did the minister say?")]
    public void AQuestionAnsweredByAClause_AsksForNoKind(string question) =>
        Assert.Null(AskedKind.Of(AnswerTypeDetector.Detect(question)));
}
