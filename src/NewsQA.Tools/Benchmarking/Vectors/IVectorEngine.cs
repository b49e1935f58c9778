namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>
/// One way of finding a query's nearest vectors, as the vector benchmark drives it: built into a folder, then opened
/// from it. Each is made for one dimension count.
/// </summary>
public interface IVectorEngine : IDisposable
{
    /// <summary>Writes the index of the source's vectors (numbered in order) into an empty folder, durably.</summary>
    void Build(IEnumerable<float[][]> chunks, string folder);

    /// <summary>Opens what <see cref="Build"/> wrote, the way a restarted service would.</summary>
    void Open(string folder);

    /// <summary>The numbers of the k vectors nearest to the query, nearest first.</summary>
    int[] Search(float[] query, int k);
}
