using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering;

/// <summary>
/// The offline answerer: picks the sentences of the retrieved passages that answer the question (term coverage,
/// answer-type cue, passage standing) and composes an answer of those sentences, each followed by its marker. It
/// never writes a fact that is not in a cited sentence; when the best sentence covers too little of the question, it
/// declines.
/// </summary>
public sealed class LocalAnswerer(IOptions<AnsweringOptions> options, AnswerabilityJudge answerability, ShortAnswerWriter shortAnswers)
{
    // A second sentence is added when it scores at least this share of the best one: a supporting or completing
    // sentence, not a weaker competitor.
    private const double SecondSentenceShare = 0.85;

    /// <summary>Answers from retrieved passages.</summary>
    public Answer Answer(string question, string standalone, TextLanguage language, PassageIndex index, RetrievalQuery query, IReadOnlyList<SearchHit> hits)
    {
        var evidence = SentenceScorer.Score(index, query, standalone, hits);
        var best = evidence.FirstOrDefault();
        if (best is null || best.Coverage < options.Value.MinEvidence)
        {
            return Refusal(question, standalone, language, best?.Coverage ?? 0);
        }

        // Coverage cannot tell a near-topic question from an answered one ("من هو وزير الخارجية الفرنسي؟" over a
        // sentence on the American defence minister); the fitted answerability model reads what a reader checks.
        var read = answerability.Read(standalone, index);
        var probability = answerability.Probability(read, best);
        if (probability < answerability.Threshold(read, best))
        {
            return Refusal(question, standalone, language, best.Coverage) with { Answerability = probability };
        }

        var chosen = new List<SentenceEvidence> { best };
        var second = evidence.Skip(1).FirstOrDefault(e =>
            e.Score >= SecondSentenceShare * best.Score && e.Coverage >= options.Value.MinEvidence && !SameText(e, best));
        if (second is not null) chosen.Add(second);

        // The short answer leads (a name, a number, a date…), then the quote it comes from, dated when the question is about time.
        var shortAnswer = shortAnswers.Write(read, best, language);
        var (text, citations) = AnswerComposer.Compose(language, chosen, shortAnswer is null ? null : ShortAnswerWriter.Lead(shortAnswer),
            dateOf: AboutTime(query, standalone) ? p => index.FindArticle(p.DocumentId)?.Published : null);
        return new Answer(question, standalone, language, text, true, AnswerMode.Local, AnswerKind.Factoid, citations, best.Coverage)
        {
            Answerability = probability,
            ShortAnswer = shortAnswer,
        };
    }

    // A question about time (a range or "latest" that the articles' dates could answer, or "when") is answered with the
    // date of each article it quotes, which the quote itself may not say ("on Tuesday").
    private static bool AboutTime(RetrievalQuery query, string question) =>
        !query.Time.IsEmpty || AnswerTypeDetector.Detect(question) == AnswerType.Time;

    /// <summary>The plain "not in the articles" answer.</summary>
    public static Answer Refusal(string question, string standalone, TextLanguage language, double evidence, AnswerMode mode = AnswerMode.Local) =>
        new(question, standalone, language, AnswerTexts.Refusal(language), false, mode, AnswerKind.Refusal, [], evidence);

    private static bool SameText(SentenceEvidence a, SentenceEvidence b) =>
        string.Equals(a.Text, b.Text, StringComparison.Ordinal);
}
