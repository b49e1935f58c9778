using System.Runtime.InteropServices;

namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>
/// Vectors as one file of little-endian f32 rows, no header (the dimension count travels beside it): what the parent
/// benchmark writes once and every engine reads, and the exact-matrix engine's own index format.
/// </summary>
public static class VectorFile
{
    private const int ChunkRows = 4096;

    /// <summary>Writes the vectors in order; returns how many.</summary>
    public static long Write(string path, IEnumerable<float[]> vectors)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        long count = 0;
        foreach (var vector in vectors)
        {
            stream.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
            count++;
        }

        return count;
    }

    /// <summary>
    /// The first <paramref name="count"/> rows in chunks, read through a stream rather than mapped, so that reading the
    /// source does not count in the peak memory of the engine that is building from it.
    /// </summary>
    public static IEnumerable<float[][]> ReadChunks(string path, int dimensions, long count)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var available = stream.Length / (dimensions * sizeof(float));
        if (available < count) throw new InvalidDataException($"{path} holds {available} vectors of {dimensions} dimensions, not {count}.");
        for (long start = 0; start < count; start += ChunkRows)
        {
            var chunk = new float[(int)Math.Min(ChunkRows, count - start)][];
            for (var i = 0; i < chunk.Length; i++)
            {
                chunk[i] = new float[dimensions];
                stream.ReadExactly(MemoryMarshal.AsBytes(chunk[i].AsSpan()));
            }

            yield return chunk;
        }
    }

    /// <summary>All rows of a small file (the queries).</summary>
    public static float[][] ReadAll(string path, int dimensions) =>
        [.. ReadChunks(path, dimensions, new FileInfo(path).Length / (dimensions * sizeof(float))).SelectMany(c => c)];
}
