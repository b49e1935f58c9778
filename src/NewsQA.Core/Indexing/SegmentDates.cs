using Lucene.Net.Index;

namespace NewsQA.Core.Indexing;

/// <summary>
/// A segment's publication date per passage (UTC ticks; <see cref="Undated"/> when its article gave none, and for the
/// article records themselves), from the segment's article records (<see cref="SegmentArticles"/>). An article is
/// written as one block, its passages then its record, and Lucene keeps a block contiguous in every segment and merge,
/// so the documents between one record and the one before it are that record's passages. The dates therefore depend
/// on the core alone, not on which of its documents a reader sees deleted: read once per core and shared by every
/// snapshot that keeps the segment, before and after its deletions.
/// </summary>
internal static class SegmentDates
{
    public const long Undated = long.MinValue;

    /// <summary>The dates of each segment core.</summary>
    internal static readonly PerSegment<long[]> Table = PerSegment<long[]>.ByCore(Read);

    public static long[] Of(AtomicReader reader) => Table.Of(reader);

    private static long[] Read(AtomicReader reader)
    {
        var dates = new long[reader.MaxDoc];
        Array.Fill(dates, Undated);
        var first = 0;
        foreach (var record in SegmentArticles.Of(reader).Records.OrderBy(r => r.Local))
        {
            if (record.Article.Published is { } published) Array.Fill(dates, published.UtcTicks, first, record.Local - first);
            first = record.Local + 1;
        }

        return dates;
    }
}
