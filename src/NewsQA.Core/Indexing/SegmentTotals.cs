using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsQA.Core.Indexing;

/// <summary>
/// Counts over a segment's live documents: passages, Arabic passages, article records, and the passages' summed exact
/// lengths (for BM25's averages). They change when the segment's deletions do, so they are kept per segment reader
/// (its core and its deletions together): a refresh that leaves a segment and its deletions alone reuses its totals.
/// </summary>
internal sealed class SegmentTotals
{
    private static readonly ConditionalWeakTable<object, SegmentTotals> Cache = new();

    private SegmentTotals(AtomicReader reader)
    {
        var values = SegmentValues.Of(reader);
        foreach (var passage in Live(reader, new Term(IndexFields.Kind, IndexFields.PassageKind)))
        {
            Passages++;
            WordLengths += values.WordLengths[passage];
            GramLengths += values.GramLengths[passage];
        }

        ArabicPassages = Live(reader, new Term(IndexFields.Language, "ar")).Count();
        Articles = Live(reader, new Term(IndexFields.Kind, IndexFields.ArticleKind)).Count();
    }

    public int Passages { get; }

    public int ArabicPassages { get; }

    public int Articles { get; }

    public long WordLengths { get; }

    public long GramLengths { get; }

    /// <summary>The totals of a segment as this reader sees it (keyed by its core and deletions together).</summary>
    public static SegmentTotals Of(AtomicReader reader) => Cache.GetValue(reader.CombinedCoreAndDeletesKey, _ => new SegmentTotals(reader));

    private static IEnumerable<int> Live(AtomicReader reader, Term term)
    {
        var terms = reader.GetTerms(term.Field)?.GetEnumerator();
        if (terms is null || !terms.SeekExact(term.Bytes)) yield break;
        var docs = terms.Docs(reader.LiveDocs, null, DocsFlags.NONE);
        int doc;
        while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) yield return doc;
    }
}
