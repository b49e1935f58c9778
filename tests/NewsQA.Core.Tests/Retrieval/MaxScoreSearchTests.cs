using System.Diagnostics;
using Lucene.Net.Store;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Telemetry;
using NewsQA.Core.Tests.Support;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Retrieval;

/// <summary>
/// The pruned lexical search against scoring every posting, on seeded random corpora: several segments, deleted
/// passages, Zipf-distributed words (a few very common, as 4-grams are), weighted terms, synonym groups, both legs,
/// filters and depths from 1 up. MaxScore may skip postings but never change a result.
/// </summary>
public class MaxScoreSearchTests
{
    private const int Queries = 100;

    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(47)]
    public async Task PrunedSearch_ReturnsExactlyTheExhaustiveTopK(int seed)
    {
        var random = new Random(seed);
        using var index = await RandomCorpus.BuildAsync(random, passages: 400, segments: 4);
        Assert.True(index.Segments.Count > 1);
        var (compared, cut) = (0, 0);
        for (var q = 0; q < Queries; q++)
        {
            var query = RandomCorpus.Query(random);
            var k = new[] { 1, 3, 10, 100 }[random.Next(4)];
            var (keyword, vector) = (random.Next(4) != 0, random.Next(4) != 0);
            var (pruned, prunedReads) = Searched(index, query, keyword, vector, k, prune: true);
            var (exhaustive, exhaustiveReads) = Searched(index, query, keyword, vector, k, prune: false);
            Assert.Equal(exhaustive.Keyword, pruned.Keyword);
            Assert.Equal(exhaustive.Vector, pruned.Vector);
            compared += exhaustive.Keyword.Count + exhaustive.Vector.Count;
            if (prunedReads < exhaustiveReads) cut++;
        }

        Assert.True(compared > 500, $"only {compared} passages compared: the random queries match too little to test anything");
        Assert.True(cut >= 3, $"the cut was taken in only {cut} of {Queries} queries: the comparison would not test it");
    }

    [Fact]
    public async Task PrunedSearch_SkipsPostings_WhenCommonTermsCannotLiftAPassageIntoTheTop()
    {
        using var index = await RandomCorpus.BuildAsync(new Random(5), passages: 400, segments: 1);
        // One rare word and the most common ones: after the first few hits the common words only confirm candidates.
        var query = new RetrievalQuery([new WeightedTerm(RandomCorpus.Stem(RandomCorpus.Vocabulary[100]), 1), .. RandomCorpus.Vocabulary.Take(6).Select(w => new WeightedTerm(RandomCorpus.Stem(w), 0.2))], "");
        var pruned = PostingsRead(index, query, prune: true);
        var exhaustive = PostingsRead(index, query, prune: false);
        Assert.True(pruned < exhaustive / 2, $"pruned read {pruned} postings, exhaustive {exhaustive}");
    }

    [Fact]
    public async Task Filter_KeepsRefusedPassagesOutOfBothLegs()
    {
        using var index = await RandomCorpus.BuildAsync(new Random(3), passages: 200, segments: 2);
        var query = RandomCorpus.Query(new Random(4)) with { Filter = p => p % 3 == 0 };
        var (keyword, vector) = LexicalScorer.Search(index, query, true, true, 20, 0.9, 0.4, prune: true);
        Assert.NotEmpty(keyword);
        Assert.NotEmpty(vector);
        Assert.All(keyword.Concat(vector), hit => Assert.Equal(0, hit.PassageNumber % 3));
        var exhaustive = LexicalScorer.Search(index, query, true, true, 20, 0.9, 0.4, prune: false);
        Assert.Equal(exhaustive.Keyword, keyword);
    }

    private static long PostingsRead(PassageIndex index, RetrievalQuery query, bool prune) =>
        Searched(index, query, keyword: true, vector: false, 3, prune).Postings;

    // The search and how many postings it read (the count it reports on the current span).
    private static ((List<ScoredPassage> Keyword, List<ScoredPassage> Vector) Result, long Postings) Searched(
        PassageIndex index, RetrievalQuery query, bool keyword, bool vector, int k, bool prune)
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == NewsQATelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(listener);
        using var activity = NewsQATelemetry.Source.StartActivity("probe");
        var result = LexicalScorer.Search(index, query, keyword, vector, k, 0.9, 0.4, prune);
        return (result, activity!.GetTagItem(NewsQATelemetry.PostingsTag) is long read ? read : 0);
    }
}
