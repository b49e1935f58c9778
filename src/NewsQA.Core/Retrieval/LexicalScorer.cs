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
    /// <summary>
    /// The best <paramref name="k"/> passages of each leg asked for (an empty list for a leg not asked for): by
    /// reading every posting, or in two stages where <paramref name="cascade"/> says they save (its candidates carry the
    /// same scores, but a passage only common clauses would lift into a top k is missed).
    /// </summary>
    public static (List<ScoredPassage> Keyword, List<ScoredPassage> Vector) Search(
        PassageIndex index, RetrievalQuery query, bool keyword, bool vector, int k, double k1, double b, PostingsCache? cache = null, LexicalCascade? cascade = null)
    {
        if (index.Count == 0 || (!keyword && !vector)) return ([], []);
        var cursor = PostingsCursor.Rent(index);
        try
        {
            var clauses = QueryClauses.Build(index, cursor, query, keyword, vector, k1);
            var search = new Reading(index, cursor, cache, query.Filter, index.NormsFor(k1, b));
            using var bm25 = new ScoreBuffer(index.MaxDoc);
            using var dot = new ScoreBuffer(index.MaxDoc);
            var selective = cascade is null ? clauses.Count : clauses.Count(c => !c.Source.IsGram || c.Source.DocumentFrequency <= cascade.SelectiveShare * index.MaxDoc);
            var read = search.Through(clauses.Take(selective), bm25.Scores, dot.Scores);
            List<int>? candidates = null;
            if (selective < clauses.Count)
            {
                candidates = Candidates(index, bm25, dot, keyword, vector, Math.Max(cascade!.Candidates, k));
                var lookups = (double)candidates.Count * (clauses.Count - selective);
                if (candidates.Count == 0 || clauses.Skip(selective).Sum(c => (double)c.Source.DocumentFrequency) < cascade.MinimumSaving * lookups) candidates = null;
            }

            read += candidates is null
                ? search.Through(clauses.Skip(selective), bm25.Scores, dot.Scores)
                : search.At(clauses.Skip(selective), candidates, bm25.Scores, dot.Scores);
            Activity.Current?.SetTag(NewsQATelemetry.PostingsTag, read);
            if (candidates is null)
            {
                return (keyword ? TopSelector.Select(bm25.Span, k) : [], vector ? TopSelector.SelectRatios(dot.Span, index.VectorNorms.AsSpan(0, dot.Length), k) : []);
            }

            var norms = index.VectorNorms;
            return (keyword ? TopSelector.Select(candidates.Select(p => new ScoredPassage(p, bm25.Scores[p])).Where(s => s.Score > 0), k) : [],
                vector ? TopSelector.Select(candidates.Where(p => dot.Scores[p] > 0).Select(p => new ScoredPassage(p, TermWeighting.Cosine(dot.Scores[p], norms[p]))), k) : []);
        }
        finally
        {
            cursor.Return();
        }
    }

    // Each asked leg's best passages after the selective clauses, together, in increasing passage number; none when
    // the first stage found fewer passages than it is to pass on for a leg: that leg's top k would then be filled by
    // passages only the common grams find, which the second stage would never see.
    private static List<int> Candidates(PassageIndex index, ScoreBuffer bm25, ScoreBuffer dot, bool keyword, bool vector, int count)
    {
        var keywordBest = keyword ? TopSelector.Select(bm25.Span, count) : [];
        var vectorBest = vector ? TopSelector.SelectRatios(dot.Span, index.VectorNorms.AsSpan(0, dot.Length), count) : [];
        if ((keyword && keywordBest.Count < count) || (vector && vectorBest.Count < count)) return [];
        return [.. keywordBest.Concat(vectorBest).Select(s => s.PassageNumber).Distinct().Order()];
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

    // One query's reading of clauses into the legs' per-passage sums, segment by segment.
    private sealed class Reading(PassageIndex index, PostingsCursor cursor, PostingsCache? cache, Func<int, bool>? filter, LengthNorms norms)
    {
        private readonly IBits?[] _accepted = [.. index.Segments.Select(segment => filter is null
            ? segment.AtomicReader.LiveDocs
            : new AcceptedPassages(segment.AtomicReader.LiveDocs, filter, segment.DocBase, segment.AtomicReader.MaxDoc))];

        // Every accepted posting of the clauses.
        public long Through(IEnumerable<ScoringClause> clauses, float[] bm25, float[] dot)
        {
            long read = 0;
            var segments = index.Segments;
            foreach (var clause in clauses)
            {
                for (var s = 0; s < segments.Count; s++)
                {
                    read += clause.Source.Read(new SegmentRead(s, segments[s], cursor, cache), _accepted[s], new ClauseSums(clause, norms, segments[s].DocBase, bm25, dot));
                }
            }

            return read;
        }

        // The clauses' postings at the candidates only (passage numbers, increasing).
        public long At(IEnumerable<ScoringClause> clauses, List<int> candidates, float[] bm25, float[] dot)
        {
            var segments = index.Segments;
            var local = new int[candidates.Count];
            var bounds = new int[segments.Count + 1];
            for (var (s, i) = (0, 0); s < segments.Count; s++)
            {
                var (docBase, end) = (segments[s].DocBase, segments[s].DocBase + segments[s].AtomicReader.MaxDoc);
                bounds[s] = i;
                for (; i < candidates.Count && candidates[i] < end; i++) local[i] = candidates[i] - docBase;
                bounds[s + 1] = i;
            }

            long read = 0;
            foreach (var clause in clauses)
            {
                for (var s = 0; s < segments.Count; s++)
                {
                    if (bounds[s + 1] == bounds[s]) continue;
                    read += clause.Source.ReadAt(new SegmentRead(s, segments[s], cursor, cache), local.AsSpan(bounds[s], bounds[s + 1] - bounds[s]),
                        new ClauseSums(clause, norms, segments[s].DocBase, bm25, dot));
                }
            }

            return read;
        }
    }
}
