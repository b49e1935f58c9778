using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Tests.Ingestion;

public class ParagraphSplitterTests
{
    [Fact]
    public void Split_KeepsShortParagraphWhole() =>
        Assert.Equal([(0, 11)], ParagraphSplitter.Split("One. Two. 3", 100));

    [Fact]
    public void Split_CutsLongParagraphAtSentenceEnds()
    {
        var paragraph = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"Sentence number {i} ends here."));
        var parts = ParagraphSplitter.Split(paragraph, 200);
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Length <= 200));
        Assert.All(parts, p => Assert.EndsWith("ends here.", paragraph.Substring(p.Start, p.Length)));
    }

    [Fact]
    public void Split_CutsASentenceWithNoEndAtWhiteSpace_AndOneWithNoSpaceAnywhere()
    {
        var words = string.Join(' ', Enumerable.Repeat("كلمة", 500));
        Assert.All(ParagraphSplitter.Split(words, 300), p => Assert.True(p.Length <= 300 && !words.Substring(p.Start, p.Length).StartsWith(' ')));

        var blob = new string('x', 1000);
        var parts = ParagraphSplitter.Split(blob, 300);
        Assert.Equal(1000, parts.Sum(p => p.Length));
        Assert.All(parts, p => Assert.True(p.Length <= 300));
    }
}
