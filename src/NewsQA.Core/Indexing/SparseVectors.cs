namespace NewsQA.Core.Indexing;

/// <summary>
/// Passage vectors stored by dimension (compressed sparse columns): for each dimension, the passages with a non-zero
/// value there and the values. A hashed vector fills about one dimension in eight, so a query touches one eighth of the
/// entries a dense scan would, and the dot products come out the same.
/// </summary>
public sealed class SparseVectors
{
    // Above this share of non-zero entries the dense SIMD scan is the faster one.
    private const double MaxDensity = 0.25;

    private SparseVectors(int[] starts, int[] passages, float[] values)
    {
        Starts = starts;
        PassageNumbers = passages;
        Values = values;
    }

    /// <summary>Dimension d's entries are at [Starts[d], Starts[d + 1]).</summary>
    public int[] Starts { get; }

    public int[] PassageNumbers { get; }

    public float[] Values { get; }

    /// <summary>The by-dimension form of a row-major matrix, or null when it is too dense to pay off.</summary>
    public static SparseVectors? TryBuild(float[] matrix, int rows, int dimensions)
    {
        if (rows == 0 || dimensions == 0) return null;
        var counts = new int[dimensions + 1];
        long nonZero = 0;
        for (long i = 0; i < matrix.LongLength; i++)
        {
            if (matrix[i] == 0) continue;
            counts[(int)(i % dimensions) + 1]++;
            nonZero++;
        }

        if (nonZero > MaxDensity * rows * dimensions || nonZero > int.MaxValue) return null;
        for (var d = 0; d < dimensions; d++) counts[d + 1] += counts[d];
        var starts = (int[])counts.Clone();
        var passages = new int[nonZero];
        var values = new float[nonZero];
        var next = (int[])counts.Clone();
        for (var row = 0; row < rows; row++)
        {
            var offset = (long)row * dimensions;
            for (var d = 0; d < dimensions; d++)
            {
                var value = matrix[offset + d];
                if (value == 0) continue;
                var at = next[d]++;
                passages[at] = row;
                values[at] = value;
            }
        }

        return new SparseVectors(starts, passages, values);
    }
}
