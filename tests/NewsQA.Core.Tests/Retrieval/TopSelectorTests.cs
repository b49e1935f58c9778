using NewsQA.Core.Retrieval;

namespace NewsQA.Core.Tests.Retrieval;

public class TopSelectorTests
{
    [Fact]
    public void ScoreArray_GivesTheBestK_BestFirst_TiesToTheLowerPassage_SkippingZeros()
    {
        float[] scores = [0f, 2f, 5f, 2f, 0f, 7f, 2f, -1f];
        var top = TopSelector.Select(scores, 4);
        Assert.Equal([5, 2, 1, 3], top.Select(s => s.PassageNumber));
        Assert.Equal([7.0, 5.0, 2.0, 2.0], top.Select(s => s.Score));
    }

    [Fact]
    public void ScoreArray_MatchesTheStreamVersion_OnRandomScores()
    {
        var random = new Random(3);
        var scores = Enumerable.Range(0, 5000).Select(_ => random.Next(4) == 0 ? 0f : (float)Math.Round(random.NextDouble() * 50)).ToArray();
        var stream = TopSelector.Select(scores.Select((s, p) => new ScoredPassage(p, s)).Where(s => s.Score > 0), 100);
        Assert.Equal(stream, TopSelector.Select(scores, 100));
    }

    [Fact]
    public void ScoreArray_WithFewerPositiveScoresThanK_ReturnsThemAll() =>
        Assert.Equal([1], TopSelector.Select([0f, 0.5f, 0f], 10).Select(s => s.PassageNumber));
}
