using System.Runtime.CompilerServices;

namespace NewsQA.Core.Indexing;

/// <summary>
/// Okapi BM25 over exact passage lengths, the keyword leg's formula in one place: a clause's factor w · idf · (k1 + 1)
/// once per query, a passage's length normalization k1 · (1 − b + b · length / average) once per snapshot
/// (<see cref="LengthNorms"/>), and a posting's score factor · tf / (tf + norm) in floats, as the scorer sums it.
/// The idf is Lucene's non-negative one (<see cref="PassageIndex.Idf"/>).
/// </summary>
public static class Bm25
{
    /// <summary>A clause's factor: its query weight times idf times (k1 + 1).</summary>
    public static double Factor(double weight, double idf, double k1) => weight * idf * (k1 + 1);

    /// <summary>The length normalization of a passage of <paramref name="length"/> tokens in a field whose average is <paramref name="average"/>.</summary>
    public static float Norm(int length, double average, double k1, double b) =>
        (float)(k1 * (1 - b + (b * length / Math.Max(average, 1e-9))));

    /// <summary>What one posting adds: factor · tf / (tf + norm); 0 when the factor is (a leg or field the clause is not scored in).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Score(float factor, int tf, float norm) => factor * tf / (tf + norm);
}
