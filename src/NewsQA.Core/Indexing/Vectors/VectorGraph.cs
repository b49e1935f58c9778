using Cloud.Unum.USearch;

namespace NewsQA.Core.Indexing.Vectors;

/// <summary>
/// A segment's HNSW graph (USearch, cosine, keys = the segment's document numbers), built from its
/// <see cref="VectorMatrix"/> and saved beside the index under a temporary name then renamed, so a killed build leaves
/// nothing that looks whole; served as a memory-mapped view. A file USearch refuses, or whose size or dimensions do not
/// match the segment, is deleted and built again.
/// </summary>
internal sealed class VectorGraph : IDisposable
{
    // USearch's defaults, the ones docs/lab/dense-vectors.md measured: recall@10 0.992 at 100,000 x 768 f16.
    private const ulong Connectivity = 16;
    private const ulong ExpansionAdd = 128;
    private const ulong ExpansionSearch = 64;

    private readonly USearchIndex _index;

    private VectorGraph(USearchIndex index) => _index = index;

    /// <summary>The saved graph at <paramref name="path"/> when it is whole and holds <paramref name="count"/> vectors, else null (and the file is gone).</summary>
    public static VectorGraph? TryOpen(string path, int count, int dimensions)
    {
        if (!File.Exists(path)) return null;
        USearchIndex? index = null;
        try
        {
            index = new USearchIndex(path, view: true);
            if ((int)index.Size() == count && (int)index.Dimensions() == dimensions) return new VectorGraph(index);
        }
        catch (USearchException)
        {
            // Damaged: rebuilt below from the segment's stored vectors.
        }

        index?.Dispose();
        File.Delete(path);
        return null;
    }

    /// <summary>
    /// Builds the graph of the rows <paramref name="include"/> accepts on <paramref name="threads"/> threads, saving it
    /// at <paramref name="path"/> (in memory only without one).
    /// </summary>
    public static VectorGraph Build(VectorMatrix matrix, Func<int, bool> include, VectorQuantization quantization, string? path, int threads, CancellationToken cancellationToken)
    {
        var index = new USearchIndex(MetricKind.Cos, quantization == VectorQuantization.I8 ? ScalarKind.Int8 : ScalarKind.Float16,
            (ulong)matrix.Dimensions, Connectivity, ExpansionAdd, ExpansionSearch);
        try
        {
            var rows = new List<int>(matrix.Rows);
            for (var d = 0; d < matrix.Rows; d++)
            {
                if (include(d)) rows.Add(d);
            }

            ConcurrentInsert.Add(index, rows.Count, i => ((ulong)rows[i], matrix.Row(rows[i]).ToArray()), threads, cancellationToken);
            if (path is null) return new VectorGraph(index);
            var temporary = path + ".tmp";
            index.Save(temporary);
            index.Dispose();
            File.Move(temporary, path, overwrite: true);
            return new VectorGraph(new USearchIndex(path, view: true));
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>Up to <paramref name="count"/> nearest documents of the segment, nearest first.</summary>
    public int Search(float[] query, int count, out ulong[] keys) => _index.Search(query, count, out keys, out _);

    public void Dispose() => _index.Dispose();
}
