using Cloud.Unum.USearch;

namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>
/// `usearch-f16` and `usearch-i8`: Cloud.Unum.USearch's HNSW graph over the vectors stored as f16 or i8, cosine
/// metric, at USearch's own defaults (connectivity 16, expansion_add 128, expansion_search 64), saved to one file and
/// reopened as a memory-mapped view, the way a service would serve it without loading it into its heap.
/// </summary>
public sealed class USearchEngine(int dimensions, ScalarKind quantization) : IVectorEngine
{
    private const string FileName = "index.usearch";
    private const ulong Connectivity = 16;
    private const ulong ExpansionAdd = 128;
    private const ulong ExpansionSearch = 64;
    private USearchIndex? _index;

    public void Build(IEnumerable<float[][]> chunks, string folder)
    {
        // One thread: the 2.26.6 binding reserves capacity inside each Add call, so concurrent adds need native calls it
        // does not expose, and two threads built no faster than one on this 2-core machine (probed at 20,000 vectors).
        using var index = new USearchIndex(MetricKind.Cos, quantization, (ulong)dimensions, Connectivity, ExpansionAdd, ExpansionSearch);
        ulong next = 0;
        foreach (var chunk in chunks)
        {
            var keys = new ulong[chunk.Length];
            for (var i = 0; i < keys.Length; i++) keys[i] = next++;
            index.Add(keys, chunk);
        }

        index.Save(Path.Combine(folder, FileName));
    }

    public void Open(string folder) => _index = new USearchIndex(Path.Combine(folder, FileName), view: true);

    public int[] Search(float[] query, int k)
    {
        var index = _index ?? throw new InvalidOperationException("Open the index first.");
        var found = index.Search(query, k, out var keys, out _);
        var numbers = new int[found];
        for (var i = 0; i < found; i++) numbers[i] = (int)keys[i];
        return numbers;
    }

    public void Dispose() => _index?.Dispose();
}
