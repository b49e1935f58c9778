using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering;

/// <summary>
/// Scores the sentences of retrieved passages against a question. Coverage is the share of the question's
/// idf-weighted terms (stems, and 4-grams at the query's gram weight) that a sentence contains: 1 when every
/// question word is there. The score adds the passage's retrieval standing and a bonus when the sentence holds what the
/// question word asks for (a number for "how many", a date for "when").
/// </summary>
public static class SentenceScorer
{
    // Retrieval already weighed the whole passage; a sentence of the first passage gets this much over one of a
    // passage that ranked near the bottom of the candidates.
    private const double PassagePriorWeight = 0.3;

    // A sentence that holds the asked-for type of answer gains this much: enough to choose between sentences of
    // similar coverage, not enough to prefer a sentence that misses the question's words.
    private const double AnswerTypeBonus = 0.1;

    // Questions are often written across two adjacent sentences ("he" in one, the name in the other), so a sentence
    // is credited with this share of the question words that only its neighbours hold.
    private const double NeighbourShare = 0.5;

    /// <summary>Every sentence of the hits, scored, best first.</summary>
    public static List<SentenceEvidence> Score(PassageIndex index, RetrievalQuery query, string question, IReadOnlyList<SearchHit> hits)
    {
        var weights = QueryWeights(index, query);
        // A translated word the articles never use is evidence against them answering (as an Arabic question's absent
        // word is); a lexicon gap they never use either tells nothing.
        var groups = query.Groups.Where(g => g.Weight > 0 && g.Terms.Count > 0 && g.IsEvidence && (g.AbsenceCounts || g.Terms.Any(t => index.DocumentFrequency(t) > 0)))
            .Select(g => (Terms: g.Terms, Weight: g.Weight * index.GroupInverseDocumentFrequency(g.Terms))).ToList();
        var total = weights.Values.Sum();
        var groupTotal = groups.Sum(g => g.Weight);
        if ((total <= 0 && groupTotal <= 0) || hits.Count == 0) return [];
        var answerType = AnswerTypeDetector.Detect(question);
        var best = hits[0].Score;
        var evidence = new List<SentenceEvidence>();
        foreach (var hit in hits)
        {
            var prior = best > 0 ? hit.Score / best : 0;
            var sentences = hit.Passage.Sentences;
            var terms = sentences.Select(s => Terms(hit.Passage.Text.AsSpan(s.Start, s.Length))).ToList();
            for (var i = 0; i < sentences.Count; i++)
            {
                var window = new HashSet<string>(terms[i], StringComparer.Ordinal);
                if (i > 0) window.UnionWith(terms[i - 1]);
                if (i + 1 < sentences.Count) window.UnionWith(terms[i + 1]);
                var coverage = Math.Max(
                    WindowCoverage(terms[i], window, present => Share(present, weights, total)),
                    WindowCoverage(terms[i], window, present => Share(present, groups, groupTotal)));
                var text = hit.Passage.Text.Substring(sentences[i].Start, sentences[i].Length);
                var bonus = answerType != AnswerType.Unknown && AnswerTypeDetector.Holds(answerType, text, question) ? AnswerTypeBonus : 0;
                evidence.Add(new SentenceEvidence(hit.Passage, sentences[i], hit.Rank, coverage, coverage + (PassagePriorWeight * prior) + bonus));
            }
        }

        return [.. evidence.OrderByDescending(e => e.Score).ThenBy(e => e.PassageRank).ThenBy(e => e.Sentence.Start)];
    }

    private static Dictionary<string, double> QueryWeights(PassageIndex index, RetrievalQuery query)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in query.Terms)
        {
            // A term the articles never use keeps the highest idf: a question about something absent from the articles
            // ("who won the World Cup in Iraq?") must not look answered because one of its words matched.
            if (term.Weight <= 0) continue;
            weights[term.Term] = Math.Max(weights.GetValueOrDefault(term.Term), term.Weight * index.InverseDocumentFrequency(term.Term));
        }

        return weights;
    }

    private static HashSet<string> Terms(ReadOnlySpan<char> sentence)
    {
        var present = new HashSet<string>(TextAnalyzer.Analyze(sentence), StringComparer.Ordinal);
        present.UnionWith(CharacterGrams.Analyze(sentence));
        return present;
    }

    // The question's own terms and its translation groups are two renderings of it; a sentence is in one language, so
    // it is judged by the rendering it matches better.
    private static double WindowCoverage(HashSet<string> sentence, HashSet<string> window, Func<HashSet<string>, double> share)
    {
        var own = share(sentence);
        return own + (NeighbourShare * (share(window) - own));
    }

    private static double Share(HashSet<string> present, Dictionary<string, double> weights, double total) =>
        total > 0 ? weights.Where(w => present.Contains(w.Key)).Sum(w => w.Value) / total : 0;

    private static double Share(HashSet<string> present, List<(IReadOnlyList<string> Terms, double Weight)> groups, double total) =>
        total > 0 ? groups.Where(g => g.Terms.Any(present.Contains)).Sum(g => g.Weight) / total : 0;
}
