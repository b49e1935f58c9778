using System.Runtime.CompilerServices;
using NewsQA.Core.Indexing;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// One posting source of a query and what its postings add to each leg: a keyword part per field normalization it is
/// scored with (words, grams; <see cref="Bm25"/>) and a vector part (<see cref="TermWeighting.Dot"/>), divided later by
/// the passage's vector length. A term's keyword and vector weights share one read of its postings.
/// </summary>
internal sealed class ScoringClause(PostingsSource source)
{
    public PostingsSource Source => source;

    /// <summary>The keyword weight normalized by the word field's length: <see cref="Bm25.Factor"/>.</summary>
    public double WordFactor { get; set; }

    /// <summary>The keyword weight normalized by the gram field's length.</summary>
    public double GramFactor { get; set; }

    /// <summary>The vector leg's weight before the passage's vector length: the feature's query weight times its idf.</summary>
    public double VectorFactor { get; set; }

    /// <summary>Postings read, for the span's count.</summary>
    public long Reads { get; set; }

    /// <summary>The three factors as the scoring loop multiplies them, in floats.</summary>
    public (float Word, float Gram, float Vector) Factors => ((float)WordFactor, (float)GramFactor, (float)VectorFactor);

    /// <summary>
    /// Adds one posting's contributions to a passage's keyword sum and dot product: the word part, then the gram part,
    /// then the vector part, each only where its factor is. The search and <see cref="LexicalScorer.Explain"/> both add
    /// through here, so their sums agree to the bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddTo(ref float keyword, ref float dot, (float Word, float Gram, float Vector) factors, int tf, float wordNorm, float gramNorm)
    {
        if (factors.Word > 0) keyword += Bm25.Score(factors.Word, tf, wordNorm);
        if (factors.Gram > 0) keyword += Bm25.Score(factors.Gram, tf, gramNorm);
        if (factors.Vector > 0) dot += TermWeighting.Dot(factors.Vector, tf);
    }
}
