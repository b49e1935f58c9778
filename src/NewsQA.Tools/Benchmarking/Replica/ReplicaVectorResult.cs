namespace NewsQA.Tools.Benchmarking.Replica;

/// <summary>
/// One size of `newsqa bench replica-vectors`: the Lucene files a pull copies, then the vector files derived on the
/// replica (to its first dense answer, and until every graph serves) against shipped (their bytes and copy, then open),
/// and as the product gets them: matrices derived, graphs fetched from the indexer over loopback HTTP (the graphs' bytes,
/// the first answer, and until every fetched graph serves).
/// </summary>
public sealed record ReplicaVectorResult(
    int Vectors,
    int Dimensions,
    int ExactBelow,
    int Segments,
    double IndexerBuildSeconds,
    long LuceneBytes,
    double PullCopyMs,
    double DeriveFirstAnswerMs,
    double DeriveGraphsMs,
    long VectorFileBytes,
    double ShipCopyMs,
    double ShippedFirstAnswerMs,
    double ShippedGraphsMs,
    long GraphBytes,
    double FetchFirstAnswerMs,
    double FetchGraphsMs,
    string Load)
{
    /// <summary>What shipping costs on a link of <paramref name="bitsPerSecond"/>: the bytes' transfer, then the open.</summary>
    public double ShipOverLinkMs(double bitsPerSecond) => (VectorFileBytes * 8 / bitsPerSecond * 1000) + ShippedGraphsMs;
}
