namespace NewsQA.Core.Indexing.Vectors;

/// <summary>Where a segment's exact scan gives way to an HNSW graph (vectors in the segment), and how the graph stores its vectors.</summary>
public sealed record VectorIndexSettings(int ExactBelow = VectorIndexSettings.DefaultExactBelow, VectorQuantization Quantization = VectorQuantization.F16)
{
    /// <summary>See Retrieval:VectorExactBelow.</summary>
    public const int DefaultExactBelow = 5_000;
}
