using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Retrieval;

public class Bm25ScorerTests
{
    private static List<WeightedTerm> Query(params string[] terms) => [.. terms.Select(t => new WeightedTerm(t, 1))];

    [Fact]
    public async Task Search_RanksRareTermMatchAboveCommonTermMatch()
    {
        var index = await TinyIndex.BuildAsync(new TestIndexer(256),
            "coalition forces in Iraq", "coalition forces in Syria", "coalition talks in Baghdad", "coalition forces training");
        var hits = Bm25Scorer.Search(index, Query("coalit", "baghdad"), 10, 0.9, 0.4);
        Assert.Equal(2, hits[0].PassageNumber); // "baghdad" is in one passage, "coalit" in all
        Assert.Equal(4, hits.Count);
    }

    [Fact]
    public async Task Search_PrefersShorterPassage_ForEqualTermFrequency()
    {
        var index = await TinyIndex.BuildAsync(new TestIndexer(256),
            "withdrawal announced", "withdrawal announced after a long meeting of many officials from several countries in the capital");
        var hits = Bm25Scorer.Search(index, Query("withdraw"), 10, 0.9, 0.4);
        Assert.Equal([0, 1], hits.Select(h => h.PassageNumber));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public async Task Search_ScalesScoresByTermWeight()
    {
        var index = await TinyIndex.BuildAsync(new TestIndexer(256), "troops left", "advisers stayed", "nothing else");
        var full = Bm25Scorer.Search(index, [new WeightedTerm("troop", 1)], 10, 0.9, 0.4).Single().Score;
        var half = Bm25Scorer.Search(index, [new WeightedTerm("troop", 0.5)], 10, 0.9, 0.4).Single().Score;
        Assert.Equal(full / 2, half, 6);
    }

    [Fact]
    public async Task Search_ReturnsNothingForUnknownTerms()
    {
        var index = await TinyIndex.BuildAsync(new TestIndexer(256), "troops left");
        Assert.Empty(Bm25Scorer.Search(index, Query("zzz"), 10, 0.9, 0.4));
    }

    [Fact]
    public async Task Search_ListsEachPassageOnce_EvenWithZeroWeightTerms()
    {
        var index = await TinyIndex.BuildAsync(new TestIndexer(256), "troops left Baghdad", "troops stayed");
        var hits = Bm25Scorer.Search(index, [new WeightedTerm("troop", 0), new WeightedTerm("left", 0), new WeightedTerm("baghdad", 1)], 10, 0.9, 0.4);
        Assert.Equal([0], hits.Select(h => h.PassageNumber));
    }
}
