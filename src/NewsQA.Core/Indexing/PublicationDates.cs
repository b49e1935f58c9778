using Lucene.Net.Index;

namespace NewsQA.Core.Indexing;

/// <summary>
/// The publication dates of one snapshot's passages, from its segments' (<see cref="SegmentDates"/>, read once per
/// segment): one array over the snapshot, gathered on first use, and whether any live passage falls in a period,
/// answered from the segments themselves.
/// </summary>
internal sealed class PublicationDates
{
    private readonly IList<AtomicReaderContext> _segments;
    private readonly Lazy<long[]> _ticks;

    public PublicationDates(IList<AtomicReaderContext> segments, int maxDoc)
    {
        _segments = segments;
        _ticks = new(() =>
        {
            var all = new long[maxDoc];
            foreach (var segment in segments) SegmentDates.Of(segment.AtomicReader).CopyTo(all, segment.DocBase);
            return all;
        });
    }

    /// <summary>Per passage number, its article's publication date as UTC ticks, or <see cref="SegmentDates.Undated"/>.</summary>
    public long[] Ticks => _ticks.Value;

    /// <summary>Whether a live passage's article was published in [<paramref name="fromTicks"/>, <paramref name="untilTicks"/>).</summary>
    public bool AnyPublished(long fromTicks, long untilTicks)
    {
        foreach (var segment in _segments)
        {
            var dates = SegmentDates.Of(segment.AtomicReader);
            var live = segment.AtomicReader.LiveDocs;
            for (var d = 0; d < dates.Length; d++)
            {
                var ticks = dates[d];
                if (ticks != SegmentDates.Undated && ticks >= fromTicks && ticks < untilTicks && (live is null || live.Get(d))) return true;
            }
        }

        return false;
    }
}
