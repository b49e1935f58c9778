using System.Numerics.Tensors;
using NewsQA.Tools.Benchmarking.Vectors;

namespace NewsQA.Tools.Tests.Benchmarking.Vectors;

public class ClusteredVectorsTests
{
    [Fact]
    public void PointsAndQueries_WithTheSameSeed_AreTheSame_InAnyOrder()
    {
        var a = new ClusteredVectors(48, seed: 7, clusters: 50);
        var b = new ClusteredVectors(48, seed: 7, clusters: 50);
        var later = b.Point(999);
        Assert.Equal(a.Point(3), b.Point(3));
        Assert.Equal(a.Point(999), later);
        Assert.Equal(a.Query(5), b.Query(5));
        Assert.NotEqual(a.Point(3), new ClusteredVectors(48, seed: 8, clusters: 50).Point(3));
        Assert.NotEqual(a.Point(3), a.Point(4));
    }

    [Fact]
    public void Vectors_AreUnitLength()
    {
        var vectors = new ClusteredVectors(33, seed: 1, clusters: 20);
        Assert.All(Enumerable.Range(0, 50).Select(i => vectors.Point(i)).Concat([vectors.Query(0)]), v =>
        {
            Assert.Equal(33, v.Length);
            Assert.Equal(1.0, TensorPrimitives.Norm(v), 4);
        });
    }

    [Fact]
    public void Vectors_AreClusteredLikeEmbeddings_NotUniformNoise()
    {
        // Uniform noise in 128 dimensions: every pair near cosine 0, no close neighbour. Embeddings: unrelated pairs
        // still somewhat similar (a shared direction), and each point has neighbours far closer than that.
        var vectors = new ClusteredVectors(128, seed: 2, clusters: 40);
        var points = Enumerable.Range(0, 400).Select(i => vectors.Point(i)).ToArray();
        var typical = Enumerable.Range(0, 399).Average(i => TensorPrimitives.Dot(points[i], points[i + 1]));
        var nearest = points.Take(50).Select((p, i) => points.Where((_, j) => j != i).Max(q => TensorPrimitives.Dot(p, q))).Average();
        Assert.InRange(typical, 0.05, 0.5);
        Assert.True(nearest > 0.6, $"nearest-neighbour cosine {nearest:0.00}");
        Assert.True(nearest > typical + 0.3, $"nearest {nearest:0.00} against typical {typical:0.00}");
    }

    [Fact]
    public void Queries_AreNearButNotInTheCorpus()
    {
        var vectors = new ClusteredVectors(64, seed: 3, clusters: 10);
        var points = Enumerable.Range(0, 300).Select(i => vectors.Point(i)).ToArray();
        for (var q = 0; q < 10; q++)
        {
            var query = vectors.Query(q);
            var best = points.Max(p => TensorPrimitives.Dot(p, query));
            Assert.InRange(best, 0.5, 0.999);
        }
    }
}
