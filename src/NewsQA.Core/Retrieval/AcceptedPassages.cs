using Lucene.Net.Util;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// A segment's passages that are live and accepted by a query's <see cref="RetrievalQuery.Filter"/>, as the bits
/// Lucene's postings consult: a passage the filter refuses is never returned by any term, so it enters neither leg.
/// </summary>
internal sealed class AcceptedPassages(IBits? live, Func<int, bool> filter, int docBase, int length) : IBits
{
    public int Length => length;

    public bool Get(int index) => (live is null || live.Get(index)) && filter(docBase + index);
}
