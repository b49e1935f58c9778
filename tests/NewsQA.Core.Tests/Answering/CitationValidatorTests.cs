using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Tests.Answering;

public class CitationValidatorTests
{
    private static Passage P(string id, string text) => new(id, "doc", "Title", 1, 1, null, text, SentenceSplitter.Split(text));

    private static readonly Passage[] Passages =
    [
        P("a", "NATO raised its mission to 4000 personnel. The alliance began its mission in 2015."),
        P("b", "The coalition ended its combat role in December. Advisers stayed at Ain al-Asad."),
    ];

    [Fact]
    public void Validate_KeepsValidMarkers_AndPointsEachAtTheSupportingSentence()
    {
        var (text, citations) = CitationValidator.Validate("The mission grew to 4000 personnel [1]. Advisers stayed at Ain al-Asad [2].", Passages);
        Assert.Equal("The mission grew to 4000 personnel [1]. Advisers stayed at Ain al-Asad [2].", text);
        Assert.Equal(["a", "b"], citations.Select(c => c.Passage.Id));
        Assert.StartsWith("NATO raised", Passages[0].Text.Substring(citations[0].Sentence.Start, citations[0].Sentence.Length));
        Assert.StartsWith("Advisers stayed", Passages[1].Text.Substring(citations[1].Sentence.Start, citations[1].Sentence.Length));
    }

    [Fact]
    public void Validate_RemovesInventedAndOutOfRangeMarkers()
    {
        var (text, citations) = CitationValidator.Validate("It began in 2015 [7]. It grew [0]. Advisers stayed [2].", Passages);
        Assert.Equal("It began in 2015. It grew. Advisers stayed [1].", text);
        Assert.Equal("b", Assert.Single(citations).Passage.Id);
    }

    [Fact]
    public void Validate_RenumbersInOrderOfFirstUse_AndReadsGroupedMarkers()
    {
        var (text, citations) = CitationValidator.Validate("Both happened [2, 1]. Again [1][2].", Passages);
        Assert.Equal("Both happened [1][2]. Again [2][1].", text);
        Assert.Equal(["b", "a"], citations.Select(c => c.Passage.Id));
    }

    [Fact]
    public void Validate_OfTextWithoutMarkers_GivesNoCitations() =>
        Assert.Empty(CitationValidator.Validate("NATO grew.", Passages).Citations);
}
