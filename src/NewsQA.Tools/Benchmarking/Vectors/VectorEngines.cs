using Cloud.Unum.USearch;
using NewsQA.Core.Indexing.Vectors;

namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>The engines `newsqa bench vectors` compares, by the names its table uses.</summary>
public static class VectorEngines
{
    public static IReadOnlyList<string> Names { get; } = ["exact-lucene", "exact-matrix", "usearch-f16", "usearch-i8", "newsqa", "newsqa-i8"];

    public static IVectorEngine Create(string name, int dimensions) => name switch
    {
        "exact-lucene" => new ProductEngine(dimensions, new VectorIndexSettings(ExactBelow: int.MaxValue)),
        "newsqa" => new ProductEngine(dimensions, new VectorIndexSettings()),
        "newsqa-i8" => new ProductEngine(dimensions, new VectorIndexSettings(Quantization: VectorQuantization.I8)),
        "exact-matrix" => new ExactMatrixEngine(dimensions),
        "usearch-f16" => new USearchEngine(dimensions, ScalarKind.Float16),
        "usearch-i8" => new USearchEngine(dimensions, ScalarKind.Int8),
        _ => throw new ArgumentException($"Unknown vector engine '{name}'; known: {string.Join(", ", Names)}.", nameof(name)),
    };
}
