using Cloud.Unum.USearch;
using NewsQA.Core.Indexing.Vectors;

namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>The engines `newsqa bench vectors` compares, by the names its table uses.</summary>
public static class VectorEngines
{
    public static IReadOnlyList<string> Names { get; } = ["exact-lucene", "exact-matrix", "usearch-f16", "usearch-f16-mt", "usearch-i8", "newsqa", "newsqa-i8"];

    /// <summary>
    /// The engine called <paramref name="name"/>; `newsqa` and `newsqa-i8` use <paramref name="product"/>'s switch point
    /// (the product's defaults without one, else the configured Retrieval:VectorExactBelow), and tell
    /// <paramref name="progress"/> where a long build is.
    /// </summary>
    public static IVectorEngine Create(string name, int dimensions, Action<string>? progress = null, VectorIndexSettings? product = null) => name switch
    {
        "exact-lucene" => new ProductEngine(dimensions, new VectorIndexSettings(ExactBelow: int.MaxValue), progress),
        "newsqa" => new ProductEngine(dimensions, (product ?? new VectorIndexSettings()) with { Quantization = VectorQuantization.F16 }, progress),
        "newsqa-i8" => new ProductEngine(dimensions, (product ?? new VectorIndexSettings()) with { Quantization = VectorQuantization.I8 }, progress),
        "exact-matrix" => new ExactMatrixEngine(dimensions),
        "usearch-f16" => new USearchEngine(dimensions, ScalarKind.Float16, threads: 1),
        "usearch-f16-mt" => new USearchEngine(dimensions, ScalarKind.Float16, Environment.ProcessorCount),
        "usearch-i8" => new USearchEngine(dimensions, ScalarKind.Int8, threads: 1),
        _ => throw new ArgumentException($"Unknown vector engine '{name}'; known: {string.Join(", ", Names)}.", nameof(name)),
    };
}
