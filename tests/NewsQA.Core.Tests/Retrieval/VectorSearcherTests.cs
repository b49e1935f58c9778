using NewsQA.Core.Embeddings;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Retrieval;

public class VectorSearcherTests : IClassFixture<SeedQuestionTests.SeedIndex>
{
    private readonly SeedQuestionTests.SeedIndex _seeds;

    public VectorSearcherTests(SeedQuestionTests.SeedIndex seeds) => _seeds = seeds;

    [Theory]
    [InlineData("من هو المتحدث باسم الحشد الشعبي؟")]
    [InlineData("كم رفع الناتو عدد جنوده في العراق؟")]
    [InlineData("انسحاب قوات التحالف الدولي من قاعدة عين الأسد")]
    public void QuantizedSparseSearch_StaysWithinItsErrorBound_OfTheExactDotProducts(string question)
    {
        var index = _seeds.Index;
        var sparse = Assert.IsType<SparseVectors>(index.Sparse); // hashed vectors are sparse
        Assert.Null(index.Dense);
        var generator = new HashingEmbeddingGenerator(index.Dimensions);
        var query = generator.Embed(question, index.InverseDocumentFrequency);
        var queryMass = query.Sum(Math.Abs);

        var fast = VectorSearcher.SearchSparse(index, sparse, query, index.Count).ToDictionary(h => h.PassageNumber, h => h.Score);
        var exact = new List<ScoredPassage>();
        for (var p = 0; p < index.Count; p++)
        {
            var vector = generator.Embed(PassageAnalysis.IndexedText(index.Passages[p]));
            var dot = vector.Zip(query, (a, b) => (double)a * b).Sum();
            exact.Add(new ScoredPassage(p, dot));

            // Rounding moves each entry by at most half a quantization step (the passage's largest magnitude / 32767).
            var bound = queryMass * vector.Max(Math.Abs) / short.MaxValue / 2 + 1e-6;
            if (fast.TryGetValue(p, out var score)) Assert.InRange(score - dot, -bound, bound);
            else Assert.True(dot <= bound, $"passage {p} scores {dot} exactly but was not returned"); // only positive scores are hits
        }

        var best = exact.OrderByDescending(s => s.Score).First();
        Assert.Equal(best.PassageNumber, fast.MaxBy(kv => kv.Value).Key);
    }

    [Fact]
    public void DenseVectors_AreKeptWhole_AndScannedBySimd()
    {
        var builder = new PassageIndexBuilder(new IndexSettings(TextAnalyzer.Version, "provider/model", 4, 1200));
        float[][] vectors = [[0.5f, 0.5f, 0.5f, 0.5f], [1f, 0f, 0f, 0f], [0f, 0.6f, 0.8f, 0f]];
        for (var i = 0; i < vectors.Length; i++)
        {
            var passage = new Passage($"p{i}", $"d{i}", "t", 1, 1, null, "text", []);
            builder.Add(new IndexedDocument($"d{i}", "", "t", null, "", [new IndexedPassage(passage, ["text"], [1], 1, vectors[i])]));
        }

        var index = builder.Build();
        Assert.Null(index.Sparse);
        Assert.NotNull(index.Dense);
        var hits = VectorSearcher.Search(index, [0f, 0.6f, 0.8f, 0f], 3);
        Assert.Equal([2, 0], hits.Select(h => h.PassageNumber)); // passage 1 is orthogonal: no score, no hit
        Assert.Equal(1.0, hits[0].Score, 5);
        Assert.Equal(0.7, hits[1].Score, 5);
    }
}
