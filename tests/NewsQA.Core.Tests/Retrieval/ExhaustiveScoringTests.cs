using System.Diagnostics;
using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Telemetry;
using NewsQA.Core.Tests.Support;
using Xunit.Abstractions;

namespace NewsQA.Core.Tests.Retrieval;

/// <summary>
/// The lexical search against scoring every passage one by one (<see cref="LexicalScorer.Explain"/>), on seeded random
/// corpora: several segments, deleted passages, Zipf-distributed words (a few very common, as 4-grams are), weighted
/// terms, synonym groups, both legs, filters and depths 1 to 100, read from the index and from decoded lists. The top k
/// must be the exhaustive one, passage for passage and score for score. The cascade (<see cref="LexicalCascade"/>) is
/// not exact: every passage it returns must carry its exhaustive scores, and its recall of the exhaustive top k is reported.
/// </summary>
public class ExhaustiveScoringTests(ITestOutputHelper output)
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

    [Theory]
    [InlineData(5)]
    [InlineData(29)]
    public async Task Cascade_ReturnsPassagesWithTheirExhaustiveScores_AndReportsItsRecall(int seed)
    {
        var random = new Random(seed);
        using var index = await RandomCorpus.BuildAsync(random, passages: 300, segments: 3);
        var cache = new PostingsCache(budgetBytes: 1 << 20, minimumLength: 1);
        var cascade = new LexicalCascade(SelectiveShare: 0.1, Candidates: 30, MinimumSaving: 0);
        var (found, expected, taken) = (0, 0, 0);
        for (var q = 0; q < 40; q++)
        {
            var query = RandomCorpus.Query(random);
            if (q % 4 == 0) query = query with { Filter = p => p % 3 != 0 };
            var k = new[] { 1, 3, 10, 30, 100 }[random.Next(5)];
            var exhaustive = Exhaustive(index, query, int.MaxValue);
            var (full, fullReads) = Searched(() => LexicalScorer.Search(index, query, true, true, k, K1, B, cache));
            var (staged, stagedReads) = Searched(() => LexicalScorer.Search(index, query, true, true, k, K1, B, random.Next(2) == 0 ? cache : null, cascade));
            foreach (var (leg, all) in new[] { (staged.Keyword, exhaustive.Keyword), (staged.Vector, exhaustive.Vector) })
            {
                var scores = all.ToDictionary(s => s.PassageNumber, s => s.Score);
                Assert.All(leg, hit => Assert.Equal(scores[hit.PassageNumber], hit.Score));
                Assert.Equal(leg.OrderByDescending(s => s.Score).ThenBy(s => s.PassageNumber), leg);
            }

            found += staged.Keyword.Intersect(full.Keyword).Count() + staged.Vector.Intersect(full.Vector).Count();
            expected += full.Keyword.Count + full.Vector.Count;
            if (stagedReads < fullReads) taken++;
        }

        var recall = found / (double)expected;
        output.WriteLine($"seed {seed}: the cascade found {found} of the exhaustive top k's {expected} passages (recall {recall:0.000}); it skipped postings in {taken} of 40 queries");
        Assert.True(taken >= 10, $"the cascade skipped postings in only {taken} of 40 queries: the comparison would not test it");
        Assert.InRange(recall, 0.8, 1.0);
    }

    [Fact]
    public async Task Cascade_ReadsThrough_WhenTheFirstStageFindsFewerPassagesThanItPassesOn()
    {
        using var index = await RandomCorpus.BuildAsync(new Random(8), passages: 300, segments: 2);
        // One rare word (the first stage) and the grams of common words, which alone reach most passages.
        var common = string.Join(' ', RandomCorpus.Vocabulary.Take(6));
        var grams = Core.Text.CharacterGrams.Analyze(common).Distinct().Select(g => new WeightedTerm(g, 0.3));
        var query = new RetrievalQuery([new WeightedTerm(RandomCorpus.Stem(RandomCorpus.Vocabulary[110]), 1), .. grams], "");
        var cascade = new LexicalCascade(SelectiveShare: 0.01, Candidates: 30, MinimumSaving: 0);
        var exhaustive = LexicalScorer.Search(index, query, true, false, 30, K1, B);
        Assert.Equal(30, exhaustive.Keyword.Count);
        Assert.Equal(exhaustive.Keyword, LexicalScorer.Search(index, query, true, false, 30, K1, B, cascade: cascade).Keyword);
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

    // A search and the postings it read (the count it reports on the current span).
    private static ((List<ScoredPassage> Keyword, List<ScoredPassage> Vector) Result, long Postings) Searched(Func<(List<ScoredPassage>, List<ScoredPassage>)> search)
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == NewsQATelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(listener);
        using var activity = NewsQATelemetry.Source.StartActivity("probe");
        var result = search();
        return (result, activity!.GetTagItem(NewsQATelemetry.PostingsTag) is long read ? read : 0);
    }
}
