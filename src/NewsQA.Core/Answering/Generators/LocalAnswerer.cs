using Microsoft.Extensions.Options;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.FollowUps;
using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Answering.ShortAnswers;
using NewsQA.Core.Configuration;
using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Generators;

/// <summary>
/// The offline answerer: picks the sentences of the retrieved passages that answer the question (term coverage, the
/// asked kind near the question's focus, passage standing; for a follow-up, the previous answer's sentence and article
/// first) and composes an answer of those sentences, each followed by its marker. It never writes a fact that is not in
/// a cited sentence. Its confidence: refused (<see cref="AnswerConfidence.None"/>) when the best sentence covers too
/// little of the question or the answerability model judges it does not answer; the closest passage quoted, with no
/// short answer, when it may not answer exactly; else answered, led by the short answer when the gate finds it likely
/// right, and by each source's answer when sources differ.
/// </summary>
public sealed class LocalAnswerer(IOptions<AnsweringOptions> options, AnswerabilityJudge answerability, ShortAnswerGate gate, ShortAnswerWriter shortAnswers)
{
    // A second sentence is added when it scores at least this share of the best one: a supporting or completing
    // sentence, not a weaker competitor.
    private const double SecondSentenceShare = 0.85;

    // Another source's sentence may hold the question's focus this much less well than the answer's (a word matched by
    // its grams rather than its stem) and still stand beside it.
    private const double FocusTolerance = 0.1;

    /// <summary>Answers from retrieved passages (and, for a follow-up, from the answer it follows).</summary>
    public Answer Answer(AnswerRequest request)
    {
        var (question, standalone, language, index, query) = (request.Message, request.Standalone, request.Language, request.Index, request.Query);
        var read = answerability.Read(standalone, index);
        // A follow-up asks for what its own words ask ("ومتى حدث ذلك؟" asks when, whatever the question it follows asked).
        if (request.Previous is not null) read = read with { Type = AnswerTypeDetector.Detect(question) };
        var evidence = SentenceScorer.Score(index, query, read, request.Hits);
        var context = request.Previous is { } previous ? FollowUpContext.Find(index, query, read, previous, options.Value.MinEvidence) : null;
        if (context is not null) evidence = [context, .. evidence.Where(e => !SameText(e, context))];
        else if (query.Time.IsEmpty) evidence = MostAnswering(read, evidence);

        var best = evidence.FirstOrDefault();
        if (best is null || (context is null && best.Coverage < options.Value.MinEvidence))
        {
            return Refusal(question, standalone, language, best?.Coverage ?? 0);
        }

        // Coverage cannot tell a near-topic question from an answered one ("من هو وزير الخارجية الفرنسي؟" over a
        // sentence on the American defence minister); the fitted answerability model reads what a reader checks.
        var probability = answerability.Probability(read, best);
        var level = answerability.Level(read, best, probability);
        // A follow-up answered from the previous answer's own context is as sure as that answer when it found a span of
        // the kind newly asked there; it is never refused, since the context holds one.
        if (context is not null && AskedKind.Of(read.Type) is not null) level = (AnswerConfidence)Math.Min((int)level, (int)request.Previous!.Confidence);
        if (context is not null && level == AnswerConfidence.None) level = AnswerConfidence.Closest;
        if (level == AnswerConfidence.None) return Refusal(question, standalone, language, best.Coverage) with { Answerability = probability };

        var judged = gate.Judge(read, best, probability);
        var named = judged?.Candidate.Extracted is { Kind: SpanKind.Person or SpanKind.Place or SpanKind.Organization } span ? span.Text : null;
        Func<Ingestion.Passage, DateTimeOffset?>? dateOf = AboutTime(query, read) ? p => index.FindArticle(p.DocumentId)?.Published : null;
        var chosen = new List<SentenceEvidence> { best };
        var second = evidence.Skip(1).FirstOrDefault(e =>
            e.Score >= SecondSentenceShare * best.Score && e.Coverage >= options.Value.MinEvidence && !SameText(e, best));
        if (second is not null) chosen.Add(second);
        if (level == AnswerConfidence.Closest)
        {
            // The articles may not answer exactly: the closest sentences are quoted as they are (the second one completing
            // the first, as for an answer), and nothing is asserted in bold.
            var (closest, cited) = AnswerComposer.Compose(language, chosen, AnswerTexts.Closest(language), dateOf: dateOf);
            return new Answer(question, standalone, language, closest, true, AnswerMode.Local, AnswerKind.Factoid, cited, best.Coverage)
            {
                Answerability = probability,
                Confidence = AnswerConfidence.Closest,
                Named = named,
            };
        }

        var shown = judged is { } j && j.Probability >= gate.Threshold ? j : ((KindCandidate Candidate, double Probability)?)null;
        // Another article's answer stands beside this one only when its sentence too answers the question, at this level.
        // Its sentence must hold the question's focus as well as the answer's does ("the French forces", not another
        // commander's forces), with no other modifier in its place.
        var focus = new AnswerabilityFeatures.Reading(read, best).Complete;
        (KindCandidate Candidate, double Probability)? Other(SentenceEvidence e)
        {
            var p = answerability.Probability(read, e);
            if (answerability.Level(read, e, p) != AnswerConfidence.Answered) return null;
            var reading = new AnswerabilityFeatures.Reading(read, e);
            return reading.Complete >= focus - FocusTolerance && FocusConflict.Modifier(read.Words, reading.Sentence) == 0 ? gate.Judge(read, e, p) : null;
        }

        if (shown is { } lead && context is null && DifferingSources.Find(index, evidence, best, lead.Candidate, lead.Probability, Other, gate.Threshold) is { } sources)
        {
            return Differing(request, sources, probability, named, dateOf);
        }

        // The short answer leads (a name, a number, a date…), then the quote it comes from, dated when the question is about time.
        var shortAnswer = shown is { } s ? shortAnswers.Render(s.Candidate.Extracted, s.Probability, best, language, 1) : null;
        var (text, citations) = AnswerComposer.Compose(language, chosen, shortAnswer is null ? null : ShortAnswerWriter.Lead(shortAnswer), dateOf: dateOf);
        return new Answer(question, standalone, language, text, true, AnswerMode.Local, AnswerKind.Factoid, citations, best.Coverage)
        {
            Answerability = probability,
            ShortAnswer = shortAnswer,
            Named = named,
        };
    }

    // The sentence the answerability model judges most likely to answer, among rivals in both languages (LeadingSentence).
    private List<SentenceEvidence> MostAnswering(ReadQuestion read, List<SentenceEvidence> evidence)
    {
        var rivals = LeadingSentence.Rivals(read, evidence, options.Value.MinEvidence);
        if (rivals.Count < 2) return evidence;
        var best = rivals.MaxBy(e => answerability.Probability(read, e))!;
        return ReferenceEquals(best, evidence[0]) ? evidence : [best, .. evidence.Where(e => !ReferenceEquals(e, best))];
    }

    // "The sources differ, newest first: 2,000 (Tigris Daily, March 2024) [1]; 2500 (صحيفة الرافدين, January 2024) [2]",
    // then each source's sentence.
    private Answer Differing(AnswerRequest request, List<(SentenceEvidence Sentence, KindCandidate Span, double Probability)> sources, double probability, string? named, Func<Ingestion.Passage, DateTimeOffset?>? dateOf)
    {
        var language = request.Language;
        var answers = sources.Select((s, i) => shortAnswers.Render(s.Span.Extracted, s.Probability, s.Sentence, language, i + 1)
            ?? new ShortAnswer(s.Span.Extracted.Text, s.Span.Extracted.Text, i + 1, s.Span.Extracted.Kind, false, s.Probability)).ToList();
        // A romanized name keeps its Arabic beside it, as the short answer's lead does.
        var list = string.Join(language == TextLanguage.Arabic ? "؛ " : "; ", answers.Select((a, i) =>
            $"**{a.Text}**{(a.Text == a.Original ? string.Empty : $" «{a.Original}»")}{DifferingSources.Credit(request.Index.FindArticle(sources[i].Sentence.Passage.DocumentId), language)} [{a.Citation}]"));
        var (text, citations) = AnswerComposer.Compose(language, [.. sources.Select(s => s.Sentence)], $"{AnswerTexts.SourcesDiffer(language)} {list}", dateOf: dateOf);
        return new Answer(request.Message, request.Standalone, language, text, true, AnswerMode.Local, AnswerKind.Factoid, citations, sources[0].Sentence.Coverage)
        {
            Answerability = probability,
            ShortAnswer = answers[0],
            Named = named,
        };
    }

    // A question about time (a range or "latest" that the articles' dates could answer, or "when") is answered with the
    // date of each article it quotes, which the quote itself may not say ("on Tuesday").
    private static bool AboutTime(RetrievalQuery query, ReadQuestion question) =>
        !query.Time.IsEmpty || question.Type == AnswerType.Time;

    /// <summary>The plain "not in the articles" answer.</summary>
    public static Answer Refusal(string question, string standalone, TextLanguage language, double evidence, AnswerMode mode = AnswerMode.Local) =>
        new(question, standalone, language, AnswerTexts.Refusal(language), false, mode, AnswerKind.Refusal, [], evidence);

    private static bool SameText(SentenceEvidence a, SentenceEvidence b) =>
        string.Equals(a.Text, b.Text, StringComparison.Ordinal);
}
