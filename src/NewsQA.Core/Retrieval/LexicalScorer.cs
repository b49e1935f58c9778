using System.Diagnostics;
using Lucene.Net.Index;
using NewsQA.Core.Indexing;
using NewsQA.Core.Telemetry;
using NewsQA.Core.Text;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Both lexical legs from one read of the index's postings. The keyword leg is Okapi BM25 per field (words and grams,
/// each with its own exact length normalization) with the non-negative idf of Lucene, log(1 + (N - df + 0.5) /
/// (df + 0.5)); query terms carry weights, and synonym groups score as one term (Pirkola's structured query). The
/// offline vector leg is the cosine between the query text and each passage as lnc.ltc vectors of the same stems and
/// grams (<see cref="TermWeighting"/>): what the offline hashing embedding approximated with hashed buckets, exact here
/// and without a second index. Term at a time with MaxScore's cut (<see cref="MaxScoreSearch"/>): each leg's top k is
/// exactly what scoring every posting gives, without decoding most postings of the common terms and grams.
/// </summary>
public static class LexicalScorer
{
    /// <summary>
    /// The best <paramref name="k"/> passages of each leg asked for (an empty list for a leg not asked for); the same
    /// with and without <paramref name="prune"/> (MaxScore's cut, which skips postings; see Retrieval:Pruning).
    /// </summary>
    public static (List<ScoredPassage> Keyword, List<ScoredPassage> Vector) Search(
        PassageIndex index, RetrievalQuery query, bool keyword, bool vector, int k, double k1, double b, bool prune = false, PostingsCache? cache = null)
    {
        if (index.Count == 0 || (!keyword && !vector)) return ([], []);
        var cursor = PostingsCursor.Rent(index);
        try
        {
            var clauses = Clauses(index, cursor, query, keyword, vector, k1);
            var segments = index.Segments;
            var accepted = segments.Select(segment => query.Filter is null
                ? segment.AtomicReader.LiveDocs
                : new AcceptedPassages(segment.AtomicReader.LiveDocs, query.Filter, segment.DocBase, segment.AtomicReader.MaxDoc)).ToArray();
            var search = new MaxScoreSearch(index, cursor, accepted, index.NormsFor(k1, b), index.VectorNorms, cache);
            var (keywordTop, vectorTop) = search.Run(clauses, keyword, vector, k, prune);
            Activity.Current?.SetTag(NewsQATelemetry.PostingsTag, clauses.Sum(c => c.Reads));
            return (keywordTop, vectorTop);
        }
        finally
        {
            cursor.Return();
        }
    }

    // One clause per posting source: a term's keyword weight (words or grams normalization), its one-member groups
    // (normalized by the word field, as before the move to Lucene, so that the measured scores stay the same) and its
    // vector weight share one read of its postings; a synonym group is a clause of its own.
    private static List<ScoringClause> Clauses(
        PassageIndex index, PostingsCursor cursor, RetrievalQuery query, bool keyword, bool vector, double k1)
    {
        var byTerm = new Dictionary<string, ScoringClause?>(StringComparer.Ordinal);
        var groups = new Dictionary<string, ScoringClause?>(StringComparer.Ordinal);
        ScoringClause? ForTerm(string term)
        {
            if (byTerm.TryGetValue(term, out var known)) return known;
            var lucene = PassageIndex.LuceneTerm(term);
            var (places, df) = cursor.Seek(lucene);
            var clause = df == 0 ? null : new ScoringClause([(lucene, places)]) { DocumentFrequency = df };
            if (clause is not null && term[0] == CharacterGrams.Marker) clause.VectorKind = TermWeighting.GramFeatureWeight;
            return byTerm[term] = clause;
        }

        if (keyword)
        {
            // A term asked twice counts twice (query term frequency), as in the classic BM25 query weighting.
            foreach (var term in query.Terms)
            {
                if (term.Weight <= 0 || ForTerm(term.Term) is not { } clause) continue;
                var factor = term.Weight * PassageIndex.Idf(index.Count, clause.DocumentFrequency) * (k1 + 1);
                if (term.Term[0] == CharacterGrams.Marker) clause.GramFactor += factor;
                else clause.WordFactor += factor;
            }

            foreach (var group in query.Groups)
            {
                if (group.Weight <= 0) continue;
                var members = group.Terms.Distinct(StringComparer.Ordinal).ToList();
                if (members.Count == 1)
                {
                    if (ForTerm(members[0]) is { } single) single.WordFactor += group.Weight * PassageIndex.Idf(index.Count, single.DocumentFrequency) * (k1 + 1);
                    continue;
                }

                // A group's df is the size of its members' union (counted once per snapshot, see PassageIndex).
                members.Sort(StringComparer.Ordinal);
                var key = string.Join('\n', members);
                if (!groups.TryGetValue(key, out var union))
                {
                    var present = members.Select(PassageIndex.LuceneTerm).Select(t => (Term: t, cursor.Seek(t).Places)).Where(m => m.Places.Count > 0).ToList();
                    var passages = present.Count == 0 ? 0 : index.GroupDocumentFrequency(members);
                    groups[key] = union = passages == 0 ? null : new ScoringClause(present) { DocumentFrequency = passages };
                }

                if (union is not null) union.WordFactor += group.Weight * PassageIndex.Idf(index.Count, union.DocumentFrequency) * (k1 + 1);
            }
        }

        if (vector)
        {
            foreach (var (feature, weight) in Features(query.VectorText))
            {
                if (ForTerm(feature) is { } clause) clause.VectorFactor += weight * PassageIndex.Idf(index.Count, clause.DocumentFrequency);
            }
        }

        var clauses = byTerm.Values.Concat(groups.Values).OfType<ScoringClause>()
            .Where(c => c.WordFactor > 0 || c.GramFactor > 0 || c.VectorFactor > 0).ToList();
        return clauses;
    }

    // Each feature's query weight before idf: (1 + ln qtf) times its kind's weight, times the kind's weight again for
    // the passage side (a passage's gram entries are weighted the same way), so a posting adds weight * idf * (1 + ln tf).
    private static IEnumerable<(string Feature, double Weight)> Features(string text)
    {
        var (terms, grams) = CharacterGrams.AnalyzeWithTerms(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms) counts[term] = counts.GetValueOrDefault(term) + 1;
        foreach (var gram in grams) counts[gram] = counts.GetValueOrDefault(gram) + 1;
        return counts.Select(c =>
        {
            var kind = c.Key[0] == CharacterGrams.Marker ? TermWeighting.GramFeatureWeight : 1;
            return (c.Key, (double)TermWeighting.LogTf(c.Value) * kind * kind);
        });
    }
}
