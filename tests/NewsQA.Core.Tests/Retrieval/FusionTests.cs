using NewsQA.Core.Retrieval;

namespace NewsQA.Core.Tests.Retrieval;

public class FusionTests
{
    private static List<ScoredPassage> Ranking(params (int Passage, double Score)[] items) =>
        [.. items.Select(i => new ScoredPassage(i.Passage, i.Score))];

    [Fact]
    public void ReciprocalRank_RewardsAgreementBetweenLegs()
    {
        var fused = ReciprocalRankFusion.Fuse([Ranking((1, 9), (2, 8), (3, 7)), Ranking((2, .9), (3, .8), (1, .1))], 60, 3);
        Assert.Equal(2, fused[0].PassageNumber);
        Assert.Equal(1.0 / 62 + 1.0 / 61, fused[0].Score, 9);
    }

    [Fact]
    public void Score_KeepsAConfidentLegsWinner()
    {
        // BM25 is sure (10 vs 2); the vector leg mildly prefers passage 2 (0.50 vs 0.49).
        var keyword = Ranking((1, 10), (2, 2), (4, 1), (3, 0.5));
        var vector = Ranking((2, 0.50), (3, 0.495), (1, 0.49), (4, 0.0));
        Assert.Equal(1, ScoreFusion.Fuse([keyword, vector], [1.0, 1.0], 4)[0].PassageNumber);
        Assert.Equal(2, ReciprocalRankFusion.Fuse([keyword, vector], 60, 4)[0].PassageNumber); // rank fusion cannot tell
    }

    [Fact]
    public void Score_WeighsLegs()
    {
        var keyword = Ranking((1, 10), (2, 0));
        var vector = Ranking((2, 1), (1, 0));
        Assert.Equal(1, ScoreFusion.Fuse([keyword, vector], [1.0, 0.5], 2)[0].PassageNumber);
        Assert.Equal(2, ScoreFusion.Fuse([keyword, vector], [0.5, 1.0], 2)[0].PassageNumber);
    }

    [Fact]
    public void Score_HandlesEmptyAndSingleCandidateLegs()
    {
        var fused = ScoreFusion.Fuse([Ranking(), Ranking((4, 0.3))], [1.0, 1.0], 5);
        Assert.Equal(4, Assert.Single(fused).PassageNumber);
    }

    [Fact]
    public void TopSelector_KeepsBestInOrder_AndBreaksTiesByPassageNumber()
    {
        var top = TopSelector.Select(Ranking((5, 1), (3, 2), (9, 2), (1, 0.5), (7, 3)), 3);
        Assert.Equal([7, 3, 9], top.Select(t => t.PassageNumber));
    }
}
