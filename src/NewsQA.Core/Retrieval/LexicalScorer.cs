using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Util;
using NewsQA.Core.Indexing;
using NewsQA.Core.Telemetry;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Both lexical legs from one read of the index's postings. The keyword leg is Okapi BM25 per field (words and grams,
/// each with its own exact length normalization; <see cref="Bm25"/>) with the non-negative idf of Lucene; query terms
/// carry weights, and synonym groups score as one term (Pirkola's structured query). The offline vector leg is the
/// cosine between the query text and each passage as lnc.ltc vectors of the same stems and grams
/// (<see cref="TermWeighting"/>): exact, and without a second index. Term at a time: each clause's postings
/// (<see cref="PostingsSource"/>) are added into one sum per passage per leg, then each leg's top k is picked.
/// <see cref="Explain"/> gives one passage's sums clause by clause, to the bit.
/// </summary>
public static class LexicalScorer
{
    /// <summary>The best <paramref name="k"/> passages of each leg asked for (an empty list for a leg not asked for).</summary>
    public static (List<ScoredPassage> Keyword, List<ScoredPassage> Vector) Search(
        PassageIndex index, RetrievalQuery query, bool keyword, bool vector, int k, double k1, double b, PostingsCache? cache = null)
    {
        if (index.Count == 0 || (!keyword && !vector)) return ([], []);
        var cursor = PostingsCursor.Rent(index);
        try
        {
            var clauses = QueryClauses.Build(index, cursor, query, keyword, vector, k1);
            var norms = index.NormsFor(k1, b);
            var segments = index.Segments;
            using var bm25 = new ScoreBuffer(index.MaxDoc);
            using var dot = new ScoreBuffer(index.MaxDoc);
            long read = 0;
            foreach (var clause in clauses)
            {
                for (var s = 0; s < segments.Count; s++)
                {
                    var sums = new ClauseSums(clause, norms, segments[s].DocBase, bm25.Scores, dot.Scores);
                    read += clause.Source.Read(new SegmentRead(s, segments[s], cursor, cache), Accepted(segments[s], query.Filter), sums);
                }
            }

            Activity.Current?.SetTag(NewsQATelemetry.PostingsTag, read);
            return (keyword ? TopSelector.Select(bm25.Span, k) : [], vector ? TopSelector.SelectRatios(dot.Span, index.VectorNorms.AsSpan(0, dot.Length), k) : []);
        }
        finally
        {
            cursor.Return();
        }
    }

    /// <summary>
    /// Why passage <paramref name="passageNumber"/> scores what it does for <paramref name="query"/>: each clause's term
    /// frequency there and what it adds to each leg, and the legs' totals, which are the scores
    /// <see cref="Search"/> gives the passage (to the bit, whether or not it is in a top k).
    /// </summary>
    public static LexicalExplanation Explain(PassageIndex index, RetrievalQuery query, int passageNumber, double k1, double b)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(passageNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(passageNumber, Math.Max(index.MaxDoc, 1));
        if (index.Count == 0) return new LexicalExplanation(passageNumber, [], 0, 0);
        var cursor = PostingsCursor.Rent(index);
        try
        {
            var clauses = QueryClauses.Build(index, cursor, query, keyword: true, vector: true, k1);
            var norms = index.NormsFor(k1, b);
            var s = ReaderUtil.SubIndex(passageNumber, index.Segments);
            var segment = new SegmentRead(s, index.Segments[s], cursor, null);
            var (wordNorm, gramNorm, length) = (norms.Words[passageNumber], norms.Grams[passageNumber], index.VectorNorms[passageNumber]);
            var (keyword, dot) = (0f, 0f);
            var parts = new List<ClauseContribution>();
            foreach (var clause in clauses)
            {
                var tf = clause.Source.FrequencyAt(segment, passageNumber - segment.Context.DocBase);
                if (tf == 0) continue;
                var (clauseKeyword, clauseDot) = (0f, 0f);
                ScoringClause.AddTo(ref clauseKeyword, ref clauseDot, clause.Factors, tf, wordNorm, gramNorm);
                ScoringClause.AddTo(ref keyword, ref dot, clause.Factors, tf, wordNorm, gramNorm);
                parts.Add(new ClauseContribution(clause.Source.Name, clause.Source.DocumentFrequency, tf, clauseKeyword,
                    clauseDot == 0 ? 0 : TermWeighting.Cosine(clauseDot, length)));
            }

            return new LexicalExplanation(passageNumber, parts, keyword, dot == 0 ? 0 : TermWeighting.Cosine(dot, length));
        }
        finally
        {
            cursor.Return();
        }
    }

    private static IBits? Accepted(AtomicReaderContext segment, Func<int, bool>? filter) => filter is null
        ? segment.AtomicReader.LiveDocs
        : new AcceptedPassages(segment.AtomicReader.LiveDocs, filter, segment.DocBase, segment.AtomicReader.MaxDoc);
}
