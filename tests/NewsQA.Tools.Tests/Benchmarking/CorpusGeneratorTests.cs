using NewsQA.Tools.Benchmarking;

namespace NewsQA.Tools.Tests.Benchmarking;

public class CorpusGeneratorTests
{
    private static readonly string[] Kept = ["First kept paragraph about the coalition. It has two sentences here.", "Second kept paragraph on the withdrawal talks. Another sentence follows it."];
    private static readonly string[] Sources = ["Source paragraph one speaks of Baghdad today. It continues with more words.", "Source paragraph two covers Erbil and the bases. Then it ends quietly now."];
    private static readonly (string, int)[] Questions = [("Which paragraph is first?", 0), ("Which is second?", 1)];

    [Fact]
    public void Generate_WithTheSameSeed_GivesTheSameCorpus()
    {
        var a = CorpusGenerator.Generate(Kept, Questions, Sources, 50, seed: 7);
        var b = CorpusGenerator.Generate(Kept, Questions, Sources, 50, seed: 7);
        Assert.Equal(a.Passages, b.Passages);
        Assert.NotEqual(a.Passages, CorpusGenerator.Generate(Kept, Questions, Sources, 50, seed: 8).Passages);
    }

    [Fact]
    public void Generate_KeepsTheRealParagraphsFirst_AndTheirQuestionsPointAtThem()
    {
        var corpus = CorpusGenerator.Generate(Kept, Questions, Sources, 50, seed: 1);
        Assert.Equal(50, corpus.Passages.Count);
        Assert.Equal(Kept, corpus.Passages.Take(2));
        Assert.All(corpus.Questions, q => Assert.Equal(Kept[q.Gold], corpus.Passages[q.Gold]));
    }

    [Fact]
    public void Generate_BuildsDistractorsFromWholeSentences()
    {
        var sentences = Kept.Concat(Sources).SelectMany(p => p.Split(". ")).Select(s => s.TrimEnd('.')).ToHashSet();
        var corpus = CorpusGenerator.Generate(Kept, Questions, Sources, 30, seed: 3);
        Assert.All(corpus.Passages.Skip(2), p => Assert.All(p.Split(". ").Select(s => s.TrimEnd('.')), s => Assert.Contains(s, sentences)));
    }
}
