using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// A synonym group's members read as one list (Pirkola's structured query): the union of their passages, each with the
/// members' term frequencies summed. Merged passage by passage from the members' postings in the index.
/// </summary>
internal sealed class GroupPostings(IReadOnlyList<TermPostings> members, int unionFrequency) : PostingsSource
{
    public override int DocumentFrequency => unionFrequency;

    public override string Name => string.Join(" | ", members.Select(m => m.Name));

    public override long Read(SegmentRead segment, IBits? accepted, ClauseSums sums)
    {
        var docs = new DocsEnum?[members.Count];
        var at = new int[members.Count];
        try
        {
            var doc = Open(segment, accepted, docs, at);
            long read = 0;
            while (doc != DocIdSetIterator.NO_MORE_DOCS)
            {
                var (tf, next) = (0, DocIdSetIterator.NO_MORE_DOCS);
                for (var m = 0; m < docs.Length; m++)
                {
                    if (at[m] == doc)
                    {
                        tf += docs[m]!.Freq;
                        at[m] = docs[m]!.NextDoc();
                        read++;
                    }

                    next = Math.Min(next, at[m]);
                }

                sums.Add(doc, tf);
                doc = next;
            }

            return read;
        }
        finally
        {
            Close(segment, docs);
        }
    }

    public override long ReadAt(SegmentRead segment, ReadOnlySpan<int> passages, ClauseSums sums)
    {
        var docs = new DocsEnum?[members.Count];
        var at = new int[members.Count];
        try
        {
            Open(segment, accepted: null, docs, at);
            long read = 0;
            foreach (var target in passages)
            {
                var tf = 0;
                for (var m = 0; m < docs.Length; m++)
                {
                    if (at[m] < target)
                    {
                        at[m] = docs[m]!.Advance(target);
                        read++;
                    }

                    if (at[m] == target) tf += docs[m]!.Freq;
                }

                if (tf > 0) sums.Add(target, tf);
            }

            return read;
        }
        finally
        {
            Close(segment, docs);
        }
    }

    public override int FrequencyAt(SegmentRead segment, int passage) => members.Sum(m => m.FrequencyAt(segment, passage));

    // Each present member's postings in the segment, on its first passage; returns the lowest.
    private int Open(SegmentRead segment, IBits? accepted, DocsEnum?[] docs, int[] at)
    {
        var first = DocIdSetIterator.NO_MORE_DOCS;
        for (var m = 0; m < members.Count; m++)
        {
            at[m] = DocIdSetIterator.NO_MORE_DOCS;
            if (members[m].StateIn(segment.Number) is not { } state) continue;
            docs[m] = segment.Cursor.Open(members[m].Term, segment.Number, state, accepted);
            at[m] = docs[m]!.NextDoc();
            first = Math.Min(first, at[m]);
        }

        return first;
    }

    private void Close(SegmentRead segment, DocsEnum?[] docs)
    {
        for (var m = 0; m < members.Count; m++)
        {
            if (docs[m] is { } open) segment.Cursor.Release(segment.Number, members[m].Term.Field, open);
        }
    }
}
