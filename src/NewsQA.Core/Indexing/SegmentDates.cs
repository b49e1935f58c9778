using System.Globalization;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsQA.Core.Indexing;

/// <summary>
/// A segment's publication date per passage (UTC ticks; <see cref="Undated"/> when its article gave none), from the
/// article records: an article is written as one block, so its record lies in the same segment as its passages and
/// shares their document-id term. Read once per segment and shared by every snapshot that contains it, as
/// <see cref="SegmentValues"/> are, so a refreshed snapshot reads only its new segments' records.
/// </summary>
internal static class SegmentDates
{
    public const long Undated = long.MinValue;

    private static readonly ConditionalWeakTable<object, long[]> Cache = new();

    private static readonly HashSet<string> RecordFields = [IndexFields.DocumentId, IndexFields.Published];

    public static long[] Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => Read(reader));

    private static long[] Read(AtomicReader reader)
    {
        var dates = new long[reader.MaxDoc];
        Array.Fill(dates, Undated);
        var live = reader.LiveDocs;
        var kinds = reader.GetTerms(IndexFields.Kind)?.GetEnumerator();
        var ids = reader.GetTerms(IndexFields.DocumentId)?.GetEnumerator();
        if (kinds is null || ids is null || !kinds.SeekExact(new BytesRef(IndexFields.ArticleKind))) return dates;

        var records = kinds.Docs(live, null, DocsFlags.NONE);
        int record;
        while ((record = records.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
        {
            var stored = reader.Document(record, RecordFields);
            if (stored.Get(IndexFields.Published) is not { } text) continue;
            var ticks = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcTicks;
            if (!ids.SeekExact(new BytesRef(stored.Get(IndexFields.DocumentId)))) continue;
            var passages = ids.Docs(live, null, DocsFlags.NONE);
            int passage;
            while ((passage = passages.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                if (passage != record) dates[passage] = ticks; // the record itself is no passage
            }
        }

        return dates;
    }
}
