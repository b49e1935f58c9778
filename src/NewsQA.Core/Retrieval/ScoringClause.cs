using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// One posting source of a query and what its postings add to each leg: a term, or a synonym group's terms read as one
/// union whose term frequency is the members' sum (Pirkola). A keyword part adds factor · tf / (tf + norm) per field
/// normalization it is scored with (words, grams); the vector part adds factor · (1 + ln tf), divided later by the
/// passage's vector length. Each part's most a passage can get from it bounds the clause, which is what lets
/// <see cref="MaxScoreSearch"/> skip passages that cannot enter the top k. Opened segment by segment.
/// </summary>
internal sealed class ScoringClause(IReadOnlyList<(Term Term, List<(int Segment, TermState State)> Places)> members)
{
    // Bounds are nudged up by this much: scores are float sums (a relative error of about 6e-8 per clause, a few dozen
    // clauses a question) compared with bounds summed in doubles, and the passage vector lengths are floats, so a
    // bound rounded down could otherwise drop a passage that ties the threshold.
    private const double BoundSlack = 1 + 1e-4;

    private readonly DocsEnum?[] _docs = new DocsEnum?[members.Count];
    private readonly int[] _at = new int[members.Count];
    private int _segment = -1;

    /// <summary>Passages holding the term (deleted ones included, as Lucene counts), or the group's union (live ones).</summary>
    public int DocumentFrequency { get; init; }

    /// <summary>The keyword weight normalized by the word field's length: w · idf · (k1 + 1).</summary>
    public double WordFactor { get; set; }

    /// <summary>The keyword weight normalized by the gram field's length.</summary>
    public double GramFactor { get; set; }

    /// <summary>The vector leg's weight before the passage's vector length: the feature's query weight times its idf.</summary>
    public double VectorFactor { get; set; }

    /// <summary>The feature's kind weight (1 for a word, a quarter for a gram): its weight in a passage's vector is (1 + ln tf) · kind.</summary>
    public double VectorKind { get; set; } = 1;

    /// <summary>The most the keyword leg can get from this clause in one passage: tf / (tf + norm) stays below 1.</summary>
    public double KeywordBound => (WordFactor + GramFactor) * BoundSlack;

    /// <summary>
    /// The query's weight of this feature in the cosine: a passage's share of it, (1 + ln tf) · kind / |passage|, is at
    /// most 1, and by Cauchy–Schwarz a set of features together gives at most the length of their query weights.
    /// </summary>
    public double VectorBound => VectorFactor / VectorKind * BoundSlack;

    /// <summary>The current passage in the segment (segment-local), or <see cref="DocIdSetIterator.NO_MORE_DOCS"/>.</summary>
    public int Doc { get; private set; } = DocIdSetIterator.NO_MORE_DOCS;

    /// <summary>Postings stepped onto (next and advance calls), for the span's count.</summary>
    public long Reads { get; set; }

    /// <summary>The postings of a one-term clause in the open segment (null for a group, or where the term is absent), for reading in a tight loop.</summary>
    public DocsEnum? OnlyMember => _docs.Length == 1 ? _docs[0] : null;

    /// <summary>Whether this clause is one term (else a synonym group, whose members' postings are merged).</summary>
    public bool IsTerm => _docs.Length == 1;

    /// <summary>A one-term clause's term and its state in <paramref name="segment"/>, for <see cref="PostingsCache"/>; false for a group or where the term is absent.</summary>
    public bool TryPlace(int segment, out Term term, out TermState state)
    {
        (term, state) = (members[0].Term, null!);
        if (members.Count != 1) return false;
        foreach (var (s, place) in members[0].Places)
        {
            if (s != segment) continue;
            state = place;
            return true;
        }

        return false;
    }

    public void Open(PostingsCursor cursor, int segment, IBits? accepted)
    {
        _segment = segment;
        Doc = DocIdSetIterator.NO_MORE_DOCS;
        for (var m = 0; m < members.Count; m++)
        {
            _docs[m] = null;
            _at[m] = DocIdSetIterator.NO_MORE_DOCS;
            foreach (var (s, state) in members[m].Places)
            {
                if (s != segment) continue;
                var docs = cursor.Open(members[m].Term, segment, state, accepted);
                _docs[m] = docs;
                _at[m] = docs.NextDoc();
                Reads++;
                break;
            }

            if (_at[m] < Doc) Doc = _at[m];
        }
    }

    public void Close(PostingsCursor cursor)
    {
        for (var m = 0; m < members.Count; m++)
        {
            if (_docs[m] is { } docs) cursor.Release(_segment, members[m].Term.Field, docs);
            _docs[m] = null;
        }
    }

    /// <summary>The term frequency at <see cref="Doc"/>: the sum over the members there.</summary>
    public int Freq()
    {
        if (_docs.Length == 1) return _docs[0]!.Freq;
        var tf = 0;
        for (var m = 0; m < _docs.Length; m++)
        {
            if (_at[m] == Doc) tf += _docs[m]!.Freq;
        }

        return tf;
    }

    /// <summary>Moves past <see cref="Doc"/>.</summary>
    public void Next()
    {
        if (_docs.Length == 1)
        {
            Reads++;
            Doc = _at[0] = _docs[0]!.NextDoc();
            return;
        }

        var current = Doc;
        Doc = DocIdSetIterator.NO_MORE_DOCS;
        for (var m = 0; m < _docs.Length; m++)
        {
            if (_at[m] == current)
            {
                Reads++;
                _at[m] = _docs[m]!.NextDoc();
            }

            if (_at[m] < Doc) Doc = _at[m];
        }
    }

    /// <summary>Moves to the first passage at or after <paramref name="target"/>.</summary>
    public void Advance(int target)
    {
        if (Doc >= target) return;
        Doc = DocIdSetIterator.NO_MORE_DOCS;
        for (var m = 0; m < _docs.Length; m++)
        {
            if (_at[m] < target)
            {
                Reads++;
                _at[m] = _docs[m]!.Advance(target);
            }

            if (_at[m] < Doc) Doc = _at[m];
        }
    }
}
