using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsQA.Core.Indexing;

/// <summary>The documents of one segment holding a term, for the per-segment parts built from postings.</summary>
internal static class SegmentPostings
{
    /// <summary>The segment-local numbers of the documents holding <paramref name="term"/>, those <paramref name="accepted"/> only (null: all, deleted ones included).</summary>
    public static IEnumerable<int> Of(AtomicReader reader, Term term, IBits? accepted)
    {
        var terms = reader.GetTerms(term.Field)?.GetEnumerator();
        if (terms is null || !terms.SeekExact(term.Bytes)) yield break;
        var docs = terms.Docs(accepted, null, DocsFlags.NONE);
        int doc;
        while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) yield return doc;
    }
}
