namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>
/// Vectors `newsqa bench vectors` takes instead of generating them (real text embeddings, for instance), both in
/// <see cref="VectorFile"/>'s layout: the corpus, of which each size is a prefix, and the queries.
/// </summary>
public sealed record GivenVectors(string VectorsPath, string QueriesPath);
