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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Ratios_MatchDividingEveryPassageFirst_OnRandomScoresWithTiesAndZeros(int seed)
    {
        // Lengths not multiples of the vector width, ties at the threshold and passages that tie once divided.
        var random = new Random(seed);
        var n = 3000 + random.Next(64);
        var raw = Enumerable.Range(0, n).Select(_ => random.Next(3) == 0 ? 0f : (float)Math.Round(random.NextDouble() * 40) / 8).ToArray();
        var lengths = Enumerable.Range(0, n).Select(_ => (float)(1 + random.Next(6))).ToArray();
        foreach (var k in new[] { 1, 7, 100, 5000 })
        {
            var divided = raw.Select((r, p) => r == 0 ? 0f : r / lengths[p]).ToArray();
            Assert.Equal(TopSelector.Select(divided.Select((s, p) => new ScoredPassage(p, s)).Where(s => s.Score > 0), k), TopSelector.SelectRatios(raw, lengths, k));
            Assert.Equal(TopSelector.Select(raw.Select((s, p) => new ScoredPassage(p, s)).Where(s => s.Score > 0), k), TopSelector.Select(raw, k));
        }
    }

    [Fact]
    public void Ratios_PassOverNoPassage_ThatBeatsTheThresholdByLessThanRounding()
    {
        // Each passage beats the one before by a hair, one vector width (at most 16 floats) or more apart: a skip test
        // any stricter than exact would pass over the later ones.
        var raw = new float[40 * 32];
        var lengths = Enumerable.Repeat(1f, raw.Length).ToArray();
        for (var i = 0; i < 40; i++)
        {
            lengths[i * 32] = 1 + (i % 5);
            raw[i * 32] = lengths[i * 32] * (1 + (i * 1e-5f));
        }

        Assert.Equal(39 * 32, TopSelector.SelectRatios(raw, lengths, 1).Single().PassageNumber);
        Assert.Equal([39 * 32, 38 * 32, 37 * 32], TopSelector.SelectRatios(raw, lengths, 3).Select(s => s.PassageNumber));
        Assert.Equal(39 * 32, TopSelector.Select(raw.Select((r, p) => r / lengths[p]).ToArray(), 1).Single().PassageNumber);
    }
}
