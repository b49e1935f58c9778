using Lucene.Net.Store;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Retrieval;

/// <summary>
/// Scoring from decoded postings lists against reading them from the index, on seeded random corpora: the same
/// passages with the same scores to the bit, with deleted passages, filters, both legs and every depth; within budget;
/// and the memory given back when Lucene closes the segments.
/// </summary>
public class PostingsCacheTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(19)]
    public async Task CachedSearch_ReturnsExactlyWhatReadingTheIndexReturns(int seed)
    {
        var random = new Random(seed);
        using var index = await RandomCorpus.BuildAsync(random, passages: 400, segments: 4);
        var cache = new PostingsCache(budgetBytes: 1 << 20, minimumLength: 1);
        for (var q = 0; q < 80; q++)
        {
            var query = RandomCorpus.Query(random);
            if (q % 4 == 0) query = query with { Filter = p => p % 3 != 0 };
            var k = new[] { 1, 5, 20, 100 }[random.Next(4)];
            var fromIndex = LexicalScorer.Search(index, query, true, true, k, 0.9, 0.4);
            var cached = LexicalScorer.Search(index, query, true, true, k, 0.9, 0.4, cache: cache);
            Assert.Equal(fromIndex.Keyword, cached.Keyword);
            Assert.Equal(fromIndex.Vector, cached.Vector);
        }

        Assert.True(cache.UsedBytes > 0, "no list was decoded: the comparison tested nothing");
    }

    [Fact]
    public async Task Cache_StaysWithinItsBudget_AndStillAnswersExactly()
    {
        var random = new Random(3);
        using var index = await RandomCorpus.BuildAsync(random, passages: 400, segments: 2);
        const int budget = 600; // a few lists of the common words, not all
        var cache = new PostingsCache(budget, minimumLength: 1);
        for (var q = 0; q < 40; q++)
        {
            var query = RandomCorpus.Query(random);
            Assert.Equal(LexicalScorer.Search(index, query, true, true, 10, 0.9, 0.4), LexicalScorer.Search(index, query, true, true, 10, 0.9, 0.4, cache: cache), LegsComparer.Instance);
            Assert.InRange(cache.UsedBytes, 1, budget);
        }
    }

    [Fact]
    public async Task ClosingTheIndex_GivesTheSegmentsMemoryBack()
    {
        var cache = new PostingsCache(1 << 20, minimumLength: 1);
        var index = await RandomCorpus.BuildAsync(new Random(5), passages: 200, segments: 2);
        LexicalScorer.Search(index, RandomCorpus.Query(new Random(6)) with { Terms = [.. RandomCorpus.Vocabulary.Take(4).Select(w => new WeightedTerm(RandomCorpus.Stem(w), 1))] }, true, true, 10, 0.9, 0.4, cache: cache);
        Assert.True(cache.UsedBytes > 0);
        index.Dispose();
        Assert.Equal(0, cache.UsedBytes);
    }

    [Fact]
    public void NoBudget_DecodesNothing()
    {
        var cache = new PostingsCache(0);
        Assert.Equal(0, cache.UsedBytes);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PostingsCache(-1));
    }

    private sealed class LegsComparer : IEqualityComparer<(List<ScoredPassage> Keyword, List<ScoredPassage> Vector)>
    {
        public static readonly LegsComparer Instance = new();

        public bool Equals((List<ScoredPassage> Keyword, List<ScoredPassage> Vector) x, (List<ScoredPassage> Keyword, List<ScoredPassage> Vector) y) =>
            x.Keyword.SequenceEqual(y.Keyword) && x.Vector.SequenceEqual(y.Vector);

        public int GetHashCode((List<ScoredPassage> Keyword, List<ScoredPassage> Vector) obj) => obj.Keyword.Count;
    }
}
