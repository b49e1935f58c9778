using Cloud.Unum.USearch;
using NewsQA.Core.Indexing.Vectors;

namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>
/// `usearch-f16` and `usearch-i8`: Cloud.Unum.USearch's HNSW graph over the vectors stored as f16 or i8, cosine
/// metric, at USearch's own defaults (connectivity 16, expansion_add 128, expansion_search 64), saved to one file and
/// reopened as a memory-mapped view, the way a service would serve it without loading it into its heap. Built on
/// <c>threads</c> threads: one for `usearch-f16` and `usearch-i8` (the rows measured before issue 22), every core for
/// `usearch-f16-mt` (concurrent adds into reserved room, <see cref="ConcurrentInsert"/>, as the product builds).
/// </summary>
public sealed class USearchEngine(int dimensions, ScalarKind quantization, int threads) : IVectorEngine
{
    private const string FileName = "index.usearch";
    private const ulong Connectivity = 16;
    private const ulong ExpansionAdd = 128;
    private const ulong ExpansionSearch = 64;
    private USearchIndex? _index;

    public void Build(IEnumerable<float[][]> chunks, string folder)
    {
        using var index = new USearchIndex(MetricKind.Cos, quantization, (ulong)dimensions, Connectivity, ExpansionAdd, ExpansionSearch);
        ulong next = 0;
        foreach (var chunk in chunks)
        {
            var first = next;
            ConcurrentInsert.Add(index, chunk.Length, i => (first + (ulong)i, chunk[i]), threads, CancellationToken.None);
            next += (ulong)chunk.Length;
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
