using NewsQA.Core.Tests.Support;
using NewsQA.Tools.Benchmarking.Vectors;

namespace NewsQA.Tools.Tests.Benchmarking.Vectors;

public class VectorEnginesTests
{
    private const int Dimensions = 32;
    private const int Count = 1500;

    // USearch's HNSW is approximate: on this small clustered set, at its default settings, it must find at least 90% of
    // the true top 10 (it measured 0.96 to 0.99 at 2,000 and 10,000 vectors of 64 dimensions in `bench vectors`).
    private const double HnswRecallFloor = 0.9;

    [Theory]
    [InlineData("exact-lucene")]
    [InlineData("exact-matrix")]
    public void ExactEngines_ReturnTheExactTopTen(string engine)
    {
        using var data = SmallSet.Create();
        var found = data.SearchAll(engine);
        for (var q = 0; q < data.Queries.Length; q++) Assert.Equal(data.Truth[q], found[q]);
    }

    [Theory]
    [InlineData("usearch-f16")]
    [InlineData("usearch-i8")]
    public void USearch_FindsMostOfTheTrueTopTen(string engine)
    {
        using var data = SmallSet.Create();
        var found = data.SearchAll(engine);
        var recall = found.Select((f, q) => f.Intersect(data.Truth[q]).Count()).Sum() / (double)(data.Queries.Length * VectorBenchmark.K);
        Assert.True(recall >= HnswRecallFloor, $"recall@10 {recall:0.000}");
    }

    [Fact]
    public void ExactNeighbours_MatchASortOfEveryScore()
    {
        using var data = SmallSet.Create();
        var all = VectorFile.ReadAll(data.VectorsPath, Dimensions);
        for (var q = 0; q < data.Queries.Length; q++)
        {
            var sorted = all.Select((v, i) => (i, Score: System.Numerics.Tensors.TensorPrimitives.Dot(v, data.Queries[q])))
                .OrderByDescending(x => x.Score).ThenBy(x => x.i).Take(VectorBenchmark.K).Select(x => x.i);
            Assert.Equal(sorted, data.Truth[q]);
        }
    }

    private sealed class SmallSet : IDisposable
    {
        private readonly TempFolder _folder = new();

        public string VectorsPath => _folder.File("vectors.f32");

        public float[][] Queries { get; private set; } = [];

        public int[][] Truth { get; private set; } = [];

        public static SmallSet Create()
        {
            var set = new SmallSet();
            var vectors = new ClusteredVectors(Dimensions, seed: 11, clusters: 60);
            VectorFile.Write(set.VectorsPath, Enumerable.Range(0, Count).Select(i => vectors.Point(i)));
            set.Queries = [.. Enumerable.Range(0, 40).Select(vectors.Query)];
            set.Truth = ExactNeighbours.Compute(set.VectorsPath, Dimensions, Count, set.Queries, VectorBenchmark.K);
            return set;
        }

        public int[][] SearchAll(string engine)
        {
            var index = Directory.CreateDirectory(_folder.File(engine)).FullName;
            using (var builder = VectorEngines.Create(engine, Dimensions)) builder.Build(VectorFile.ReadChunks(VectorsPath, Dimensions, Count), index);
            using var opened = VectorEngines.Create(engine, Dimensions);
            opened.Open(index);
            return [.. Queries.Select(q => opened.Search(q, VectorBenchmark.K))];
        }

        public void Dispose() => _folder.Dispose();
    }
}
