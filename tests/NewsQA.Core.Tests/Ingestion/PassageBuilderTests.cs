using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Tests.Ingestion;

public class PassageBuilderTests
{
    private static ParsedArticle Article(params string[] paragraphs) =>
        new("Title", null, [.. paragraphs.Select(p => new ArticleParagraph(null, p))]);

    [Fact]
    public void Build_KeepsPassageIdWhileTextIsUnchanged_EvenWhenParagraphsMove()
    {
        var before = PassageBuilder.Build("doc", Article("First paragraph.", "Second paragraph."), 1200);
        var after = PassageBuilder.Build("doc", Article("A new lead paragraph.", "First paragraph.", "Second paragraph."), 1200);
        Assert.Equal(before[0].Id, after[1].Id);
        Assert.Equal(before[1].Id, after[2].Id);
        Assert.Equal(3, after[2].Paragraph);
    }

    [Fact]
    public void Build_ChangesIdWhenTextChanges() =>
        Assert.NotEqual(
            PassageBuilder.Build("doc", Article("Troops left."), 1200)[0].Id,
            PassageBuilder.Build("doc", Article("Troops stayed."), 1200)[0].Id);

    [Fact]
    public void Build_GivesRepeatedParagraphsDistinctIds()
    {
        var passages = PassageBuilder.Build("doc", Article("Same text.", "Same text."), 1200);
        Assert.Equal(2, passages.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void Build_NumbersPartsOfASplitParagraph()
    {
        var longParagraph = string.Join(' ', Enumerable.Repeat("This sentence is part of a long paragraph.", 20));
        var passages = PassageBuilder.Build("doc", Article(longParagraph), 300);
        Assert.True(passages.Count > 1);
        Assert.All(passages, p => Assert.Equal(1, p.Paragraph));
        Assert.Equal(Enumerable.Range(1, passages.Count), passages.Select(p => p.Part));
    }
}
