using NewsQA.Core.Embeddings;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Retrieval;

public class VectorSearcherTests : IClassFixture<SeedQuestionTests.SeedIndex>
{
    private readonly SeedQuestionTests.SeedIndex _seeds;

    public VectorSearcherTests(SeedQuestionTests.SeedIndex seeds) => _seeds = seeds;

    [Theory]
    [InlineData("من هو المتحدث باسم الحشد الشعبي؟")]
    [InlineData("كم رفع الناتو عدد جنوده في العراق؟")]
    [InlineData("انسحاب قوات التحالف الدولي من قاعدة عين الأسد")]
    public void SparseSearch_RanksExactlyAsTheDenseScan(string question)
    {
        var index = _seeds.Index;
        var sparse = Assert.IsType<Core.Indexing.SparseVectors>(index.BucketPostings); // hashed vectors are sparse
        var query = new HashingEmbeddingGenerator(index.Dimensions).Embed(question, index.InverseDocumentFrequency);

        var fast = VectorSearcher.SearchSparse(index, sparse, query, 20);
        var dense = VectorSearcher.SearchDense(index, query, 20);

        Assert.Equal(dense.Select(h => h.PassageNumber), fast.Select(h => h.PassageNumber));
        Assert.All(dense.Zip(fast), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 4));
    }

    [Fact]
    public async Task DenseProviderVectors_KeepTheDenseScan()
    {
        var services = new TestIndexer(64);
        var index = await TinyIndex.BuildAsync(services, "one", "two");
        Array.Fill(index.Vectors, 0.5f); // a provider's dense vectors
        Assert.Null(Core.Indexing.SparseVectors.TryBuild(index.Vectors, index.Count, index.Dimensions));
    }
}
