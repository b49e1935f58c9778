using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Answering;

public class SentenceScorerTests
{
    private static readonly string Sudani = TextAnalyzer.Analyze("السوداني")[0];

    private static async Task<double> CoverageAsync(params QueryGroup[] groups)
    {
        var index = await TinyIndex.BuildAsync(new TestIndexer(), "قال السوداني إن القوات باقية", "لا شيء هنا");
        var hit = new SearchHit(index.GetPassage(0), 1, 1, 1, 1, null, null);
        var evidence = SentenceScorer.Score(index, new RetrievalQuery([], "") { Groups = groups }, "What did Sudani say?", [hit]);
        return evidence[0].Coverage;
    }

    [Fact]
    public async Task ATranslatedWordTheArticlesLack_CountsAgainstTheAnswer()
    {
        Assert.Equal(1, await CoverageAsync(new QueryGroup([Sudani], 1)), 6);
        Assert.True(await CoverageAsync(new QueryGroup([Sudani], 1), new QueryGroup([TextAnalyzer.Analyze("اليابان")[0]], 1)) < 0.5);
    }

    [Fact]
    public async Task ALexiconGapTheArticlesLackToo_TellsNothing()
    {
        var gap = new QueryGroup(["quarterback"], 1) { AbsenceCounts = false };
        Assert.Equal(1, await CoverageAsync(new QueryGroup([Sudani], 1), gap), 6);
    }

    [Fact]
    public async Task GramsOfTranslationAlternatives_AreNotEvidence()
    {
        var unusedAlternative = new QueryGroup([CharacterGrams.Analyze("الياباني")[0]], 1) { IsEvidence = false };
        Assert.Equal(1, await CoverageAsync(new QueryGroup([Sudani], 1), unusedAlternative), 6);
    }
}
