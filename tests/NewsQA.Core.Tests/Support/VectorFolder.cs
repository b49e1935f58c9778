using FSDirectory = Lucene.Net.Store.FSDirectory;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Support;

/// <summary>An index folder of one-passage articles carrying given vectors (a provider's embeddings, without a provider).</summary>
public sealed class VectorFolder(string path, int dimensions)
{
    public string IndexPath => path;

    public string VectorsPath => Path.Combine(path, "vectors");

    /// <summary>Applies <paramref name="change"/> with a writer of its own and commits it.</summary>
    public void Write(Action<PassageIndexWriter> change, bool create = false)
    {
        using var directory = FSDirectory.Open(path);
        using var writer = PassageIndexWriter.Open(directory, new IndexSettings(TextAnalyzer.Version, "provider/model", dimensions, 1200), create);
        change(writer);
        writer.Commit();
    }

    /// <summary>Article d<paramref name="number"/>, whose one passage p<paramref name="number"/> carries <paramref name="vector"/>.</summary>
    public static IndexedDocument Article(int number, float[] vector) =>
        new($"d{number}", "", "t", null, "", [new IndexedPassage(new Passage($"p{number}", $"d{number}", "t", 1, 1, null, "text", []), vector)]);

    /// <summary>Adds articles <paramref name="from"/> to <paramref name="to"/> - 1 with their vectors, in one commit.</summary>
    public void Add(float[][] vectors, int from, int to, bool create = false) => Write(w =>
    {
        for (var i = from; i < to; i++) w.Add(Article(i, vectors[i]));
    }, create);

    /// <summary>Unit vectors of <paramref name="dimensions"/> random components, the same for the same seed.</summary>
    public static float[][] RandomVectors(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var v = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            var norm = MathF.Sqrt(v.Sum(x => x * x));
            return v.Select(x => x / norm).ToArray();
        })];
    }

    /// <summary>The names of the segments whose vector files are in the folder.</summary>
    public SortedSet<string> SegmentsWithFiles(string pattern = "*") =>
        new(Directory.Exists(VectorsPath) ? Directory.EnumerateFiles(VectorsPath, "_" + pattern).Select(f => Path.GetFileName(f).Split('-')[0]) : [], StringComparer.Ordinal);
}
