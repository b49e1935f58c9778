using Lucene.Net.Index;
using Lucene.Net.Util;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Where a scoring clause's postings come from, segment by segment: one term's list (<see cref="TermPostings"/>) or a
/// synonym group's members read as one union (<see cref="GroupPostings"/>).
/// </summary>
internal abstract class PostingsSource
{
    /// <summary>Passages holding the term (deleted ones included, as Lucene counts), or the group's union (live ones).</summary>
    public abstract int DocumentFrequency { get; }

    /// <summary>Whether the source is one character gram (the clauses a <see cref="LexicalCascade"/> may read at its candidates only).</summary>
    public virtual bool IsGram => false;

    /// <summary>What the source reads, for explaining a ranking: the term, or the group's members.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Adds every posting of segment <paramref name="segment"/> that <paramref name="accepted"/> lets through to
    /// <paramref name="sums"/>, in increasing passage order; returns how many were read.
    /// </summary>
    public abstract long Read(SegmentRead segment, IBits? accepted, ClauseSums sums);

    /// <summary>
    /// Adds the postings of segment <paramref name="segment"/> at <paramref name="passages"/> only (segment-local,
    /// increasing, all accepted) to <paramref name="sums"/>, by skipping to each; returns how many were read.
    /// </summary>
    public abstract long ReadAt(SegmentRead segment, ReadOnlySpan<int> passages, ClauseSums sums);

    /// <summary>The term frequency at one segment-local passage, 0 where the source has none.</summary>
    public abstract int FrequencyAt(SegmentRead segment, int passage);
}
