using Cloud.Unum.USearch;

namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>The engines `newsqa bench vectors` compares, by the names its table uses.</summary>
public static class VectorEngines
{
    public static IReadOnlyList<string> Names { get; } = ["exact-lucene", "exact-matrix", "usearch-f16", "usearch-i8"];

    public static IVectorEngine Create(string name, int dimensions) => name switch
    {
        "exact-lucene" => new ExactLuceneEngine(dimensions),
        "exact-matrix" => new ExactMatrixEngine(dimensions),
        "usearch-f16" => new USearchEngine(dimensions, ScalarKind.Float16),
        "usearch-i8" => new USearchEngine(dimensions, ScalarKind.Int8),
        _ => throw new ArgumentException($"Unknown vector engine '{name}'; known: {string.Join(", ", Names)}.", nameof(name)),
    };
}
