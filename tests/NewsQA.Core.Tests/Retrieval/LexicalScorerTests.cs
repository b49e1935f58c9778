using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Retrieval;

public class LexicalScorerTests
{
    private static RetrievalQuery Query(params string[] terms) => new([.. terms.Select(t => new WeightedTerm(t, 1))], string.Join(' ', terms));

    private static List<ScoredPassage> Keyword(PassageIndex index, RetrievalQuery query) =>
        LexicalScorer.Search(index, query, keyword: true, vector: false, 10, 0.9, 0.4).Keyword;

    [Fact]
    public async Task Search_RanksRareTermMatchAboveCommonTermMatch()
    {
        using var index = await TinyIndex.BuildAsync(new TestIndexer(),
            "coalition forces in Iraq", "coalition forces in Syria", "coalition talks in Baghdad", "coalition forces training");
        var hits = Keyword(index, Query("coalit", "baghdad"));
        Assert.Equal("p2", index.Ids(hits)[0]); // "baghdad" is in one passage, "coalit" in all
        Assert.Equal(4, hits.Count);
    }

    [Fact]
    public async Task Search_PrefersShorterPassage_ForEqualTermFrequency()
    {
        using var index = await TinyIndex.BuildAsync(new TestIndexer(),
            "withdrawal announced", "withdrawal announced after a long meeting of many officials from several countries in the capital");
        var hits = Keyword(index, Query("withdraw"));
        Assert.Equal(["p0", "p1"], index.Ids(hits));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public async Task Search_ScoresBm25WithExactLengths_NotLucenesOneByteNorms()
    {
        // Lengths 9 and 10 share one of Lucene 4.8's one-byte norm values; BM25 on the exact lengths tells them apart.
        using var index = await TinyIndex.BuildAsync(new TestIndexer(),
            "troops one two three four five six seven eight", "troops one two three four five six seven eight nine");
        var hits = Keyword(index, Query("troop"));
        var average = 9.5;
        double Expected(int length) => PassageIndex.Idf(2, 2) * 1.9 / (1 + (0.9 * (1 - 0.4 + (0.4 * length / average))));
        Assert.Equal(Expected(9), hits[0].Score, 5);
        Assert.Equal(Expected(10), hits[1].Score, 5);
    }

    [Fact]
    public async Task Search_ScalesScoresByTermWeight()
    {
        using var index = await TinyIndex.BuildAsync(new TestIndexer(), "troops left", "advisers stayed", "nothing else");
        var full = Keyword(index, new RetrievalQuery([new WeightedTerm("troop", 1)], "")).Single().Score;
        var half = Keyword(index, new RetrievalQuery([new WeightedTerm("troop", 0.5)], "")).Single().Score;
        Assert.Equal(full / 2, half, 6);
    }

    [Fact]
    public async Task Search_ReturnsNothingForUnknownTerms()
    {
        using var index = await TinyIndex.BuildAsync(new TestIndexer(), "troops left");
        Assert.Empty(Keyword(index, Query("zzz")));
    }

    [Fact]
    public async Task Search_ListsEachPassageOnce_EvenWithZeroWeightTerms()
    {
        using var index = await TinyIndex.BuildAsync(new TestIndexer(), "troops left Baghdad", "troops stayed");
        var hits = Keyword(index, new RetrievalQuery([new WeightedTerm("troop", 0), new WeightedTerm("left", 0), new WeightedTerm("baghdad", 1)], ""));
        Assert.Equal(["p0"], index.Ids(hits));
    }

    [Fact]
    public async Task SynonymGroup_ScoresAsOneTerm_TfSummed_DfOfTheUnion()
    {
        using var index = await TinyIndex.BuildAsync(new TestIndexer(), "troops troops", "soldiers", "troops soldiers", "nothing", "nothing else");
        var group = new QueryGroup(["troop", "soldier"], 1);
        var hits = LexicalScorer.Search(index, new RetrievalQuery([], "") { Groups = [group] }, true, false, 10, 0.9, 0.4).Keyword;
        // The union holds 3 of the 5 passages; "troops troops" and "troops soldiers" both have a group tf of 2.
        Assert.Equal(3, hits.Count);
        var average = new[] { 2, 1, 2, 1, 2 }.Average();
        double Expected(int tf, int length) => PassageIndex.Idf(5, 3) * 1.9 * tf / (tf + (0.9 * (1 - 0.4 + (0.4 * length / average))));
        var byId = index.Ids(hits).Zip(hits, (id, h) => (id, h.Score)).ToDictionary(x => x.id, x => x.Score);
        Assert.Equal(Expected(2, 2), byId["p0"], 5);
        Assert.Equal(Expected(1, 1), byId["p1"], 5);
        Assert.Equal(Expected(2, 2), byId["p2"], 5);
    }

    [Fact]
    public async Task VectorLeg_IsTheLncLtcCosine_OfStemsAndGrams()
    {
        using var index = await TinyIndex.BuildAsync(new TestIndexer(), "قوات التحالف في العراق", "وصل الوفد إلى بغداد", "لا شيء هنا");
        var text = "قوات التحالف";
        var hits = LexicalScorer.Search(index, new RetrievalQuery([], text), keyword: false, vector: true, 10, 0.9, 0.4).Vector;
        Assert.Equal("p0", index.Ids(hits)[0]);

        // The same cosine by hand from the analysis: query weights (1 + ln qtf) * kind * idf, passage weights
        // (1 + ln tf) * kind, over the passage vector's length (the query's length does not change the ranking).
        var passage = PassageTerms.Analyze("قوات التحالف في العراق");
        var (words, grams) = Core.Text.CharacterGrams.AnalyzeWithTerms(text);
        var features = words.Concat(grams).ToList();
        var expected = 0.0;
        foreach (var feature in features.Distinct())
        {
            var gram = feature[0] == Core.Text.CharacterGrams.Marker;
            var kind = gram ? 0.25 : 1;
            var tf = gram ? passage.Grams.Count(g => g == feature[1..]) : passage.Words.Count(w => w == feature);
            if (tf == 0) continue;
            var qtf = features.Count(f => f == feature);
            expected += (1 + Math.Log(qtf)) * kind * index.InverseDocumentFrequency(feature) * (1 + Math.Log(tf)) * kind;
        }

        Assert.Equal(expected / passage.VectorNorm(), hits[0].Score, 4);
    }
}
