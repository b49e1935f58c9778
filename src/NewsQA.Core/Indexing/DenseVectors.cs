namespace NewsQA.Core.Indexing;

/// <summary>Passage vectors kept whole, one array each: the form for a provider's dense embeddings.</summary>
public sealed class DenseVectors(IReadOnlyList<float[]> rows, int dimensions)
{
    public int Dimensions { get; } = dimensions;

    public IReadOnlyList<float[]> Rows { get; } = rows;
}
