namespace NewsQA.Core.Indexing.Vectors;

/// <summary>How an HNSW graph stores its vectors (Retrieval:VectorQuantization): f16 by default; i8 takes half the bytes and loses recall (docs/dense-vectors.md).</summary>
public enum VectorQuantization
{
    F16,
    I8,
}
