using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Evidence;

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

    // Sentences (best first by coverage and standing) weighed again for the kind asked: enough to choose among the
    // passages' likely sentences without reading every sentence of every passage.
    private const int KindRerankDepth = 12;

    // A span of the asked kind this many tokens from the question's focus counts about a third as much as one beside it.
    private const double KindNearnessTokens = 4;

    /// <summary>
    /// Every sentence of the hits, scored, best first; the first ones weighed again by the kind asked: a sentence that
    /// holds a span of that kind (a name for who, a number for how many…) near the question's focus words gains up to
    /// <see cref="AnswerTypeBonus"/> over one that only repeats the question's words (answer-type-driven QA).
    /// </summary>
    public static List<SentenceEvidence> Score(PassageIndex index, RetrievalQuery query, ReadQuestion question, IReadOnlyList<SearchHit> hits)
    {
        var scored = Score(index, query, question.Text, hits, typeBonus: question.Type == AnswerType.Reason);
        if (AskedKind.Of(question.Type) is not { } kind) return scored;
        var depth = Math.Min(KindRerankDepth, scored.Count);
        for (var i = 0; i < depth; i++) scored[i] = scored[i] with { Score = scored[i].Score + (AnswerTypeBonus * KindNearness(question, scored[i], kind)) };
        return [.. scored.OrderByDescending(e => e.Score).ThenBy(e => e.PassageRank).ThenBy(e => e.Sentence.Start)];
    }

    // 1 for a span of the asked kind (not wholly the question's words) beside the question's focus, falling off with distance; 0 for none.
    private static double KindNearness(ReadQuestion question, SentenceEvidence sentence, SpanKind kind)
    {
        var match = SentenceMatch.Of(sentence, question);
        var spans = match.Spans.Where(s => s.Kind == kind && Enumerable.Range(s.Start, s.Length).Any(t => !match.IsQuestionToken(t))).ToList();
        if (spans.Count == 0) return 0;
        var words = question.Words;
        var focus = Enumerable.Range(0, words.Count).Where(w => words[w].IsFocus).DefaultIfEmpty(-1).ToList();
        var anchors = Enumerable.Range(0, match.Tokens.Count)
            .Where(t => focus[0] < 0 ? match.IsQuestionToken(t) : focus.Any(w => match.Matches[w][t] >= 0.5)).ToList();
        if (anchors.Count == 0) return 0;
        var distance = spans.Min(s => anchors.Where(t => t < s.Start || t >= s.End).Select(t => t < s.Start ? s.Start - t - 1 : t - s.End).DefaultIfEmpty(match.Tokens.Count).Min());
        return Math.Exp(-distance / KindNearnessTokens);
    }

    /// <summary>Every sentence of the hits, scored, best first.</summary>
    public static List<SentenceEvidence> Score(PassageIndex index, RetrievalQuery query, string question, IReadOnlyList<SearchHit> hits) =>
        Score(index, query, question, hits, typeBonus: true);

    private static List<SentenceEvidence> Score(PassageIndex index, RetrievalQuery query, string question, IReadOnlyList<SearchHit> hits, bool typeBonus)
    {
        var weights = QueryWeights(index, query);
        // A translated word the articles never use is evidence against them answering (as an Arabic question's absent
        // word is); a lexicon gap they never use either tells nothing.
        var groups = query.Groups.Where(g => g.Weight > 0 && g.Terms.Count > 0 && g.IsEvidence && (g.AbsenceCounts || g.Terms.Any(t => index.DocumentFrequency(t) > 0)))
            .Select(g => (Terms: g.Terms, Weight: g.Weight * index.GroupInverseDocumentFrequency(g.Terms))).ToList();
        var total = weights.Values.Sum();
        var groupTotal = groups.Sum(g => g.Weight);
        if ((total <= 0 && groupTotal <= 0) || hits.Count == 0) return [];
        var answerType = typeBonus ? AnswerTypeDetector.Detect(question) : AnswerType.Unknown;
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
