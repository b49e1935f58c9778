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
public sealed class LocalAnswerer(IOptions<AnsweringOptions> options)
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

        var chosen = new List<SentenceEvidence> { best };
        var second = evidence.Skip(1).FirstOrDefault(e =>
            e.Score >= SecondSentenceShare * best.Score && e.Coverage >= options.Value.MinEvidence && !SameText(e, best));
        if (second is not null) chosen.Add(second);

        var (text, citations) = AnswerComposer.Compose(language, chosen);
        return new Answer(question, standalone, language, text, true, AnswerMode.Local, AnswerKind.Factoid, citations, best.Coverage);
    }

    /// <summary>The plain "not in the articles" answer.</summary>
    public static Answer Refusal(string question, string standalone, TextLanguage language, double evidence, AnswerMode mode = AnswerMode.Local) =>
        new(question, standalone, language, AnswerTexts.Refusal(language), false, mode, AnswerKind.Refusal, [], evidence);

    private static bool SameText(SentenceEvidence a, SentenceEvidence b) =>
        string.Equals(a.Text, b.Text, StringComparison.Ordinal);
}
