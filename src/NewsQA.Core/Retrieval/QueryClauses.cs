using NewsQA.Core.Indexing;
using NewsQA.Core.Text;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// A query's scoring clauses over one snapshot, one per posting source: a term's keyword weight (words or grams
/// normalization), its one-member groups (normalized by the word field, as before the move to Lucene, so that the
/// measured scores stay the same) and its vector weight share one clause; a synonym group is a clause of its own.
/// </summary>
internal static class QueryClauses
{
    /// <summary>
    /// The clauses of the legs asked for, none without weight: words and groups, then grams, each rarest first (ties in
    /// the order first met: keyword terms, vector text, groups), whichever legs are asked for. Sums are added in that
    /// order, so a leg's scores do not depend on whether the other leg was asked for, nor on whether
    /// <see cref="LexicalCascade"/> read a clause through or at its candidates only (the clauses it reads through come first).
    /// </summary>
    public static List<ScoringClause> Build(PassageIndex index, PostingsCursor cursor, RetrievalQuery query, bool keyword, bool vector, double k1)
    {
        var byTerm = new Dictionary<string, ScoringClause?>(StringComparer.Ordinal);
        var groups = new Dictionary<string, ScoringClause?>(StringComparer.Ordinal);
        TermPostings? Postings(string term)
        {
            var lucene = PassageIndex.LuceneTerm(term);
            var (places, df) = cursor.Seek(lucene);
            return df == 0 ? null : new TermPostings(lucene, places, df);
        }

        ScoringClause? ForTerm(string term)
        {
            if (byTerm.TryGetValue(term, out var known)) return known;
            return byTerm[term] = Postings(term) is { } postings ? new ScoringClause(postings) : null;
        }

        double Factor(double weight, ScoringClause clause) => Bm25.Factor(weight, PassageIndex.Idf(index.Count, clause.Source.DocumentFrequency), k1);

        // A term asked twice counts twice (query term frequency), as in the classic BM25 query weighting.
        foreach (var term in query.Terms)
        {
            if (term.Weight <= 0 || ForTerm(term.Term) is not { } clause) continue;
            if (term.Term[0] == CharacterGrams.Marker) clause.GramFactor += Factor(term.Weight, clause);
            else clause.WordFactor += Factor(term.Weight, clause);
        }

        foreach (var group in query.Groups)
        {
            if (group.Weight <= 0) continue;
            var members = group.Terms.Distinct(StringComparer.Ordinal).ToList();
            if (members.Count == 1)
            {
                if (ForTerm(members[0]) is { } single) single.WordFactor += Factor(group.Weight, single);
                continue;
            }

            // A group's df is the size of its members' union (counted once per snapshot, see PassageIndex).
            members.Sort(StringComparer.Ordinal);
            var key = string.Join('\n', members);
            if (!groups.TryGetValue(key, out var union))
            {
                var present = members.Select(Postings).OfType<TermPostings>().ToList();
                var passages = present.Count == 0 ? 0 : index.GroupDocumentFrequency(members);
                groups[key] = union = passages == 0 ? null : new ScoringClause(new GroupPostings(present, passages));
            }

            if (union is not null) union.WordFactor += Factor(group.Weight, union);
        }

        foreach (var (feature, weight) in TermWeighting.QueryWeights(query.VectorText))
        {
            if (ForTerm(feature) is { } clause) clause.VectorFactor += weight * PassageIndex.Idf(index.Count, clause.Source.DocumentFrequency);
        }

        var clauses = byTerm.Values.Concat(groups.Values).OfType<ScoringClause>().ToList();
        foreach (var clause in clauses)
        {
            if (!keyword) clause.WordFactor = clause.GramFactor = 0;
            if (!vector) clause.VectorFactor = 0;
        }

        return [.. clauses.Where(c => c.WordFactor > 0 || c.GramFactor > 0 || c.VectorFactor > 0).OrderBy(c => c.Source.IsGram).ThenBy(c => c.Source.DocumentFrequency)];
    }
}
