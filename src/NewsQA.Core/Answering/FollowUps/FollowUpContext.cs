using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;

namespace NewsQA.Core.Answering.FollowUps;

/// <summary>
/// Reads a follow-up against the answer it follows: the sentence that answer cited, then its neighbours, then the rest
/// of its passage and of its article, are searched for what the follow-up newly asks, before the whole corpus ("When did
/// he say that?" after the answer naming the defence secretary finds "منتصف نوفمبر" in the very sentence quoted). A
/// follow-up that asks for a kind (when, where, how many…) takes the nearest sentence holding a span of that kind which is
/// not the previous answer itself; one that asks for none takes the context's best sentence for its words.
/// </summary>
public static class FollowUpContext
{
    /// <summary>The sentence of the previous answer's context that answers the follow-up, or null (then the corpus is searched).</summary>
    public static SentenceEvidence? Find(PassageIndex index, RetrievalQuery query, ReadQuestion question, Answer previous, double minEvidence)
    {
        if (previous.Citations.FirstOrDefault() is not { } cited) return null;
        var article = index.PassagesOf(cited.Passage.DocumentId);
        var passages = article.Count == 0 ? [cited.Passage] : article;
        var at = Math.Max(0, passages.ToList().FindIndex(p => p.Id == cited.Passage.Id));
        // The cited passage ranks first, the others by how far they stand from it.
        var hits = passages.Select((p, i) => (Passage: p, Distance: Math.Abs(i - at)))
            .OrderBy(x => x.Distance).Select((x, rank) => new SearchHit(x.Passage, rank + 1, 1.0 / (1 + x.Distance), null, null, null, null)).ToList();
        var scored = SentenceScorer.Score(index, query, question, hits);
        if (scored.Count == 0) return null;

        if (AskedKind.Of(question.Type) is { } kind)
        {
            var before = previous.ShortAnswer?.Original ?? previous.Named;
            return scored.Select(e => (Evidence: e, Distance: Closeness(e, cited, hits)))
                .Where(x => HoldsKind(question, x.Evidence, kind, before))
                .OrderBy(x => x.Distance).Select(x => x.Evidence).FirstOrDefault();
        }

        var best = scored[0];
        return best.Coverage >= minEvidence ? best : null;
    }

    // How far a sentence stands from the cited one: 0 for it, then its neighbours in the passage, then other passages.
    private static double Closeness(SentenceEvidence sentence, Citation cited, List<SearchHit> hits)
    {
        if (sentence.Passage.Id != cited.Passage.Id) return 100 + hits.FindIndex(h => h.Passage.Id == sentence.Passage.Id);
        var sentences = sentence.Passage.Sentences;
        var here = sentences.ToList().FindIndex(s => s.Start == sentence.Sentence.Start);
        var there = sentences.ToList().FindIndex(s => s.Start <= cited.Sentence.Start && cited.Sentence.Start < s.End);
        return Math.Abs(here - there);
    }

    // A span of the kind asked that says something new: not the previous answer, not only the question's words.
    private static bool HoldsKind(ReadQuestion question, SentenceEvidence sentence, SpanKind kind, string? previous)
    {
        var match = SentenceMatch.Of(sentence, question);
        return match.Spans.Any(s => s.Kind == kind
            && Enumerable.Range(s.Start, s.Length).Any(t => !match.IsQuestionToken(t))
            && (previous is null || !Same(sentence.Text, match, s, previous)));
    }

    private static bool Same(string text, SentenceMatch match, TypedSpan span, string previous)
    {
        var tokens = match.Tokens;
        var spanText = text[tokens[span.Start].Start..(tokens[span.End - 1].Start + tokens[span.End - 1].Length)];
        return Text.ArabicNormalizer.Normalize(spanText) == Text.ArabicNormalizer.Normalize(previous);
    }
}
