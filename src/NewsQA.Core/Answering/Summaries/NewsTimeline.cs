using Microsoft.Extensions.Options;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Configuration;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Summaries;

/// <summary>
/// "What's new about X": a cited timeline. Each dated article among the retrieved passages gives one point, its sentence
/// that best answers the question (held to the refusal threshold, as any answer is); the points are listed oldest
/// first, each with its date. With no topic ("what's new?"), the newest articles give their first sentence. Undated
/// articles cannot be placed in time and are left out; with no dated point there is no timeline, and the question is
/// answered as a factoid.
/// </summary>
public sealed class NewsTimeline(IOptions<AnsweringOptions> options)
{
    /// <summary>The timeline, or null when no dated article answers the question.</summary>
    public Answer? Compose(string question, string standalone, TextLanguage language, PassageIndex index, RetrievalQuery query, IReadOnlyList<SearchHit> hits)
    {
        DateTimeOffset? DateOf(Passage p) => index.FindArticle(p.DocumentId)?.Published;
        var bullets = options.Value.SummaryBullets;
        var points = query.Terms.Count == 0 && query.Groups.Count == 0
            ? Newest(index, bullets)
            : [.. SentenceScorer.Score(index, query, standalone, hits)
                .Where(e => e.Coverage >= options.Value.MinEvidence && DateOf(e.Passage) is not null)
                .DistinctBy(e => e.Passage.DocumentId) // best first, so each article's best sentence
                .Take(bullets)];
        if (points.Count == 0) return null;

        var ordered = points.OrderBy(e => DateOf(e.Passage)!.Value.UtcTicks).ThenBy(e => e.Passage.DocumentId, StringComparer.Ordinal).ToList();
        var (text, citations) = AnswerComposer.Compose(language, ordered, AnswerTexts.TimelineLead(language), bullets: true, dateOf: DateOf);
        return new Answer(question, standalone, language, text, true, AnswerMode.Local, AnswerKind.Timeline, citations, points.Max(p => p.Coverage));
    }

    // The first sentence (the lede) of each of the newest dated articles.
    private static List<SentenceEvidence> Newest(PassageIndex index, int count) =>
        [.. index.Documents.Where(d => d.Published is not null).OrderByDescending(d => d.Published!.Value.UtcTicks).Take(count)
            .Select(d => index.PassagesOf(d.DocumentId).FirstOrDefault(p => p.Sentences.Count > 0))
            .OfType<Passage>()
            .Select(p => new SentenceEvidence(p, p.Sentences[0], 1, 1, 1))];
}
