using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NewsQA.Core.Indexing;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// What one clause's postings add in one segment, a posting at a time, to each leg's per-passage sums: the loop that
/// runs millions of times a query at a million passages, so the arrays are read without bounds checks (passage numbers
/// are below the snapshot's MaxDoc by construction) and the clause's factors are read once. The formulas are
/// <see cref="Bm25.Score"/> and <see cref="TermWeighting.Dot"/>, applied in the order <see cref="ScoringClause.AddTo"/>
/// applies them, so explaining a passage gives its score to the bit.
/// </summary>
internal readonly ref struct ClauseSums
{
    private readonly ref float _keyword;
    private readonly ref float _dot;
    private readonly ref float _wordNorm;
    private readonly ref float _gramNorm;
    private readonly float _word;
    private readonly float _gram;
    private readonly float _vector;

    public ClauseSums(ScoringClause clause, LengthNorms norms, int docBase, float[] keyword, float[] dot)
    {
        _keyword = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(keyword), docBase);
        _dot = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(dot), docBase);
        _wordNorm = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(norms.Words), docBase);
        _gramNorm = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(norms.Grams), docBase);
        (_word, _gram, _vector) = clause.Factors;
    }

    /// <summary>Adds a posting of segment-local passage <paramref name="d"/> with term frequency <paramref name="tf"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int d, int tf) =>
        ScoringClause.AddTo(ref Unsafe.Add(ref _keyword, d), ref Unsafe.Add(ref _dot, d), (_word, _gram, _vector), tf, Unsafe.Add(ref _wordNorm, d), Unsafe.Add(ref _gramNorm, d));
}
