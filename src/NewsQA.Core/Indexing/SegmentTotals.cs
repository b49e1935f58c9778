using Lucene.Net.Index;

namespace NewsQA.Core.Indexing;

/// <summary>
/// Counts over a segment's live documents: passages, Arabic passages, article records, and the passages' summed exact
/// lengths (for BM25's averages). They change when the segment's deletions do, so they are kept per segment reader
/// (its core and its deletions together): a refresh that leaves a segment and its deletions alone reuses its totals.
/// </summary>
internal sealed class SegmentTotals
{
    /// <summary>The totals of each segment reader (core and deletions).</summary>
    internal static readonly PerSegment<SegmentTotals> Table = PerSegment<SegmentTotals>.ByReader(reader => new SegmentTotals(reader));

    private SegmentTotals(AtomicReader reader)
    {
        var values = SegmentValues.Of(reader);
        foreach (var passage in SegmentPostings.Of(reader, new Term(IndexFields.Kind, IndexFields.PassageKind), reader.LiveDocs))
        {
            Passages++;
            WordLengths += values.WordLengths[passage];
            GramLengths += values.GramLengths[passage];
        }

        ArabicPassages = SegmentPostings.Of(reader, new Term(IndexFields.Language, "ar"), reader.LiveDocs).Count();
        Articles = SegmentPostings.Of(reader, new Term(IndexFields.Kind, IndexFields.ArticleKind), reader.LiveDocs).Count();
    }

    public int Passages { get; }

    public int ArabicPassages { get; }

    public int Articles { get; }

    public long WordLengths { get; }

    public long GramLengths { get; }

    /// <summary>The totals of a segment as this reader sees it (keyed by its core and deletions together).</summary>
    public static SegmentTotals Of(AtomicReader reader) => Table.Of(reader);
}
