using NewsQA.Tools.Evaluation;

namespace NewsQA.Tools.Tests.Evaluation;

public class AnswerMetricsTests
{
    [Fact]
    public void ExactMatch_IgnoresCasePunctuationArticlesAndDiacritics()
    {
        Assert.Equal(1, AnswerMetrics.ExactMatch("The Eiffel Tower.", ["eiffel tower"]));
        Assert.Equal(1, AnswerMetrics.ExactMatch("«كَرِيم النوري»", ["كريم نوري"])); // ال is dropped as MLQA's script drops it
        Assert.Equal(0, AnswerMetrics.ExactMatch("كريم", ["كريم النوري"]));
    }

    [Fact]
    public void F1_IsTheTokenOverlap_BestOverTheGoldAnswers()
    {
        Assert.Equal(2 * (1.0 * 0.5) / 1.5, AnswerMetrics.F1("كريم", ["كريم النوري"]), 6); // precision 1, recall 1/2
        Assert.Equal(1, AnswerMetrics.F1("4000 فرد", ["4000", "4000 فرد"]), 6);
        Assert.Equal(0, AnswerMetrics.F1(string.Empty, ["4000"]));
    }
}
