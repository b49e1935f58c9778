using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Retrieval;

/// <summary>
/// The lexical search against scoring every passage one by one (<see cref="LexicalScorer.Explain"/>), on seeded random
/// corpora: several segments, deleted passages, Zipf-distributed words (a few very common, as 4-grams are), weighted
/// terms, synonym groups, both legs, filters and depths 1 to 100, read from the index and from decoded lists. The top k
/// must be the exhaustive one, passage for passage and score for score.
/// </summary>
public class ExhaustiveScoringTests
{
    private const double K1 = 0.9;
    private const double B = 0.4;

    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(47)]
    public async Task Search_ReturnsExactlyTheTopKOfScoringEveryPassage(int seed)
    {
        var random = new Random(seed);
        using var index = await RandomCorpus.BuildAsync(random, passages: 300, segments: 4);
        Assert.True(index.Segments.Count > 1);
        var cache = new PostingsCache(budgetBytes: 1 << 20, minimumLength: 1);
        var (compared, grouped) = (0, 0);
        for (var q = 0; q < 40; q++)
        {
            var query = RandomCorpus.Query(random);
            if (q % 4 == 0) query = query with { Filter = p => p % 3 != 0 };
            var k = new[] { 1, 3, 10, 100 }[random.Next(4)];
            var (keyword, vector) = (random.Next(4) != 0, random.Next(4) != 0);
            var expected = Exhaustive(index, query, k);
            var found = LexicalScorer.Search(index, query, keyword, vector, k, K1, B, random.Next(2) == 0 ? cache : null);
            Assert.Equal(keyword ? expected.Keyword : [], found.Keyword);
            Assert.Equal(vector ? expected.Vector : [], found.Vector);
            compared += found.Keyword.Count + found.Vector.Count;
            if (query.Groups.Any(g => g.Terms.Distinct().Count() > 1)) grouped++;
        }

        Assert.True(compared > 500, $"only {compared} passages compared: the random queries match too little to test anything");
        Assert.True(grouped > 5, $"only {grouped} queries had a synonym group of several members");
        Assert.True(cache.UsedBytes > 0, "no list was decoded: the decoded path was not compared");
    }

    [Fact]
    public async Task Explain_ListsEachClausesPart_AndSumsToTheSearchScores()
    {
        using var index = await TinyIndex.BuildAsync(new TestIndexer(), "troops troops left Baghdad", "soldiers stayed in Baghdad", "nothing here");
        var query = new RetrievalQuery([new WeightedTerm("baghdad", 1)], "troops Baghdad") { Groups = [new QueryGroup(["troop", "soldier"], 1)] };
        var (keyword, vector) = LexicalScorer.Search(index, query, true, true, 10, K1, B);
        var explained = LexicalScorer.Explain(index, query, keyword[0].PassageNumber, K1, B);

        Assert.Equal(keyword[0].Score, explained.Keyword);
        Assert.Equal(vector.Single(v => v.PassageNumber == explained.PassageNumber).Score, explained.Vector);
        var group = Assert.Single(explained.Clauses, c => c.Clause == "soldier | troop");
        Assert.Equal(2, group.TermFrequency); // "troops troops": the members' tfs summed
        Assert.Equal(2, group.DocumentFrequency);
        Assert.True(group.Keyword > 0);
        Assert.Contains(explained.Clauses, c => c.Clause == "baghdad" && c.Keyword > 0 && c.Vector > 0);
        Assert.Equal(explained.Keyword, explained.Clauses.Sum(c => c.Keyword), 5);
        var nothing = index.LivePassages().Single(p => index.GetPassage(p).Text == "nothing here");
        Assert.Empty(LexicalScorer.Explain(index, query, nothing, K1, B).Clauses);
    }

    // Every live passage the filter accepts, scored alone; each leg's k best (above zero), ties to the lower number.
    private static (List<ScoredPassage> Keyword, List<ScoredPassage> Vector) Exhaustive(PassageIndex index, RetrievalQuery query, int k)
    {
        var all = index.LivePassages().Where(p => query.Filter?.Invoke(p) ?? true).Select(p => LexicalScorer.Explain(index, query, p, K1, B)).ToList();
        List<ScoredPassage> Top(Func<LexicalExplanation, double> score) =>
            [.. all.Select(e => new ScoredPassage(e.PassageNumber, score(e))).Where(s => s.Score > 0)
                .OrderByDescending(s => s.Score).ThenBy(s => s.PassageNumber).Take(k)];
        return (Top(e => e.Keyword), Top(e => e.Vector));
    }
}
