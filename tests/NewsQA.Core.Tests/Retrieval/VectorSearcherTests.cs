using Lucene.Net.Store;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Retrieval;

public class VectorSearcherTests
{
    private static PassageIndex DenseIndex(float[][] vectors, params int[] removed)
    {
        var directory = new RAMDirectory();
        using (var writer = PassageIndexWriter.Open(directory, new IndexSettings(TextAnalyzer.Version, "provider/model", 4, 1200), create: true))
        {
            for (var i = 0; i < vectors.Length; i++)
            {
                var passage = new Passage($"p{i}", $"d{i}", "t", 1, 1, null, "text", []);
                writer.Add(new IndexedDocument($"d{i}", "", "t", null, "", [new IndexedPassage(passage, vectors[i])]));
            }

            foreach (var d in removed) writer.Remove($"d{d}");
            writer.Commit();
        }

        return PassageIndex.Open(directory);
    }

    [Fact]
    public void APassageTheFilterRefuses_IsNoCandidate()
    {
        using var index = DenseIndex([[1f, 0f, 0f, 0f], [0.9f, 0.1f, 0f, 0f]]);
        var first = VectorSearcher.Search(index, [1f, 0f, 0f, 0f], 2)[0].PassageNumber;

        Assert.Equal(["p1"], index.Ids(VectorSearcher.Search(index, [1f, 0f, 0f, 0f], 2, p => p != first)));
    }

    [Fact]
    public void DenseVectors_AreScoredExactly_ByDotProduct()
    {
        using var index = DenseIndex([[0.5f, 0.5f, 0.5f, 0.5f], [1f, 0f, 0f, 0f], [0f, 0.6f, 0.8f, 0f]]);
        Assert.True(index.HasVectors);
        var hits = VectorSearcher.Search(index, [0f, 0.6f, 0.8f, 0f], 3);
        Assert.Equal(["p2", "p0"], index.Ids(hits)); // passage 1 is orthogonal: no score, no hit
        Assert.Equal(1.0, hits[0].Score, 5);
        Assert.Equal(0.7, hits[1].Score, 5);
    }

    [Fact]
    public void RemovedArticles_AreNotFound()
    {
        using var index = DenseIndex([[1f, 0f, 0f, 0f], [0.9f, 0.1f, 0f, 0f]], removed: 0);
        Assert.Equal(["p1"], index.Ids(VectorSearcher.Search(index, [1f, 0f, 0f, 0f], 3)));
    }

    [Fact]
    public async Task ProviderEmbeddings_FromAFakeGenerator_RankTheirOwnPassageFirst()
    {
        var services = new TestIndexer(dimensions: 64);
        using var index = await TinyIndex.BuildAsync(services, "قوات التحالف الدولي في العراق", "وصل الوفد إلى بغداد أمس", "Coalition forces left the base.");
        var query = (await services.Encoder.TryEmbedQueryAsync("وصل الوفد إلى بغداد أمس", CancellationToken.None))!;
        var hits = VectorSearcher.Search(index, query, 3);
        Assert.Equal("p1", index.Ids(hits)[0]);
        Assert.Equal(1.0, hits[0].Score, 4); // the same text embeds to the same unit vector
    }
}
